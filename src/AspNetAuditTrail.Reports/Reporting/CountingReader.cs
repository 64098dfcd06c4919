using System.Runtime.CompilerServices;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Reading;

namespace AspNetAuditTrail.Reports.Reporting;

/// <summary>A reader that reports how many rows its streams have given so far (every thousand rows), for progress while a long report is written.</summary>
internal sealed class CountingReader(IAuditReader inner, IProgress<long> progress) : IAuditReader
{
    private const int Every = 1000;
    private long _rows;

    public Task<AuditPage<RequestAuditEvent>> QueryRequestsAsync(AuditQuery query, CancellationToken cancellationToken) => inner.QueryRequestsAsync(query, cancellationToken);

    public IAsyncEnumerable<RequestAuditEvent> StreamRequestsAsync(AuditQuery query, CancellationToken cancellationToken) => Count(inner.StreamRequestsAsync(query, cancellationToken));

    public Task<AuditPage<BusinessAuditEvent>> QueryBusinessEventsAsync(BusinessEventQuery query, CancellationToken cancellationToken) => inner.QueryBusinessEventsAsync(query, cancellationToken);

    public IAsyncEnumerable<BusinessAuditEvent> StreamBusinessEventsAsync(BusinessEventQuery query, CancellationToken cancellationToken) => Count(inner.StreamBusinessEventsAsync(query, cancellationToken));

    public Task<AuditPage<EntityChangeAuditEvent>> QueryChangesAsync(EntityChangeQuery query, CancellationToken cancellationToken) => inner.QueryChangesAsync(query, cancellationToken);

    public IAsyncEnumerable<EntityChangeAuditEvent> StreamChangesAsync(EntityChangeQuery query, CancellationToken cancellationToken) => Count(inner.StreamChangesAsync(query, cancellationToken));

    public Task<BusinessAuditEvent?> GetBusinessEventAsync(Guid id, AuditTenant? tenant, CancellationToken cancellationToken) => inner.GetBusinessEventAsync(id, tenant, cancellationToken);

    public Task<AuditEventDetails?> GetRequestAsync(Guid id, AuditTenant? tenant, CancellationToken cancellationToken) => inner.GetRequestAsync(id, tenant, cancellationToken);

    public IAsyncEnumerable<TEvent> StreamAsync<TEvent>(DateTimeOffset? from, DateTimeOffset? to, AuditTenant? tenant, CancellationToken cancellationToken)
        where TEvent : class, IAuditEvent => Count(inner.StreamAsync<TEvent>(from, to, tenant, cancellationToken));

    private async IAsyncEnumerable<T> Count<T>(IAsyncEnumerable<T> rows, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (++_rows % Every == 0)
            {
                progress.Report(_rows);
            }

            yield return row;
        }

        progress.Report(_rows);
    }
}
