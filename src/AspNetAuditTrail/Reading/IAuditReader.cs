using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Reading;

/// <summary>
/// Reads the audit trail back as the event records it was written from, for the query API, exports and reports.
/// Every store that can read implements it.
/// </summary>
public interface IAuditReader
{
    /// <summary>One page of requests matching the query, newest first (keyset pagination: stable while rows are added).</summary>
    Task<AuditPage<RequestAuditEvent>> QueryRequestsAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>Every request matching the query (its page size and position ignored), newest first, read as it is consumed.</summary>
    IAsyncEnumerable<RequestAuditEvent> StreamRequestsAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>One page of business events matching the query, newest first (keyset pagination, as for requests).</summary>
    Task<AuditPage<BusinessAuditEvent>> QueryBusinessEventsAsync(BusinessEventQuery query, CancellationToken cancellationToken);

    /// <summary>Every business event matching the query (its page size and position ignored), newest first, read as it is consumed.</summary>
    IAsyncEnumerable<BusinessAuditEvent> StreamBusinessEventsAsync(BusinessEventQuery query, CancellationToken cancellationToken);

    /// <summary>One page of changes of records matching the query, newest first (keyset pagination, as for requests).</summary>
    Task<AuditPage<EntityChangeAuditEvent>> QueryChangesAsync(EntityChangeQuery query, CancellationToken cancellationToken);

    /// <summary>Every change matching the query (its page size and position ignored), newest first, read as it is consumed.</summary>
    IAsyncEnumerable<EntityChangeAuditEvent> StreamChangesAsync(EntityChangeQuery query, CancellationToken cancellationToken);

    /// <summary>A business event by id; null when there is none with that id in <paramref name="tenant"/> (null: in any tenant).</summary>
    Task<BusinessAuditEvent?> GetBusinessEventAsync(Guid id, AuditTenant? tenant, CancellationToken cancellationToken);

    /// <summary>A request with its linked login, security and process rows; null when there is none with that id.</summary>
    /// <remarks>With a <paramref name="tenant"/>, a request of another tenant is not found (null: any tenant).</remarks>
    Task<AuditEventDetails?> GetRequestAsync(Guid id, AuditTenant? tenant, CancellationToken cancellationToken);

    /// <summary>Rows of one kind (<see cref="LoginAuditEvent"/>, <see cref="StepAuditEvent"/>...) in a time range and, when given, a tenant, oldest first, read as consumed.</summary>
    /// <typeparam name="TEvent">The kind of row: one of the event records in <see cref="AuditUnit"/>.</typeparam>
    /// <exception cref="NotSupportedException">The store holds no rows of that type.</exception>
    IAsyncEnumerable<TEvent> StreamAsync<TEvent>(DateTimeOffset? from, DateTimeOffset? to, AuditTenant? tenant, CancellationToken cancellationToken)
        where TEvent : class, IAuditEvent;
}
