using AspNetAuditTrail.Events;
using AspNetAuditTrail.Reading;

namespace AspNetAuditTrail.Reports;

/// <summary>A reader that sees one tenant only, whatever its callers ask: every query and read by id is narrowed to it.</summary>
internal sealed class TenantScopedReader(IAuditReader inner, AuditTenant tenant) : IAuditReader
{
    public Task<AuditPage<RequestAuditEvent>> QueryRequestsAsync(AuditQuery query, CancellationToken cancellationToken) =>
        inner.QueryRequestsAsync(query with { Tenant = tenant }, cancellationToken);

    public IAsyncEnumerable<RequestAuditEvent> StreamRequestsAsync(AuditQuery query, CancellationToken cancellationToken) =>
        inner.StreamRequestsAsync(query with { Tenant = tenant }, cancellationToken);

    public Task<AuditPage<BusinessAuditEvent>> QueryBusinessEventsAsync(BusinessEventQuery query, CancellationToken cancellationToken) =>
        inner.QueryBusinessEventsAsync(query with { Tenant = tenant }, cancellationToken);

    public IAsyncEnumerable<BusinessAuditEvent> StreamBusinessEventsAsync(BusinessEventQuery query, CancellationToken cancellationToken) =>
        inner.StreamBusinessEventsAsync(query with { Tenant = tenant }, cancellationToken);

    public Task<AuditPage<EntityChangeAuditEvent>> QueryChangesAsync(EntityChangeQuery query, CancellationToken cancellationToken) =>
        inner.QueryChangesAsync(query with { Tenant = tenant }, cancellationToken);

    public IAsyncEnumerable<EntityChangeAuditEvent> StreamChangesAsync(EntityChangeQuery query, CancellationToken cancellationToken) =>
        inner.StreamChangesAsync(query with { Tenant = tenant }, cancellationToken);

    public Task<BusinessAuditEvent?> GetBusinessEventAsync(Guid id, AuditTenant? requested, CancellationToken cancellationToken) =>
        inner.GetBusinessEventAsync(id, tenant, cancellationToken);

    public Task<AuditEventDetails?> GetRequestAsync(Guid id, AuditTenant? requested, CancellationToken cancellationToken) =>
        inner.GetRequestAsync(id, tenant, cancellationToken);

    public IAsyncEnumerable<TEvent> StreamAsync<TEvent>(DateTimeOffset? from, DateTimeOffset? to, AuditTenant? requested, CancellationToken cancellationToken)
        where TEvent : class, IAuditEvent =>
        inner.StreamAsync<TEvent>(from, to, tenant, cancellationToken);
}
