namespace AspNetAuditTrail;

/// <summary>
/// Records business events (what the application did, in its own terms), changes of records and the app's own access refusals. A scoped service: inject it into handlers
/// (in a singleton, create a scope). Inside an audited request an event is linked to the request's row and written
/// with it; outside one it is handed to the writer at once. Recording never waits for the store.
/// </summary>
/// <example><c>audit.Event("cluster.create", "Cluster created").On("cluster", id).Input(body).Succeeded();</c></example>
public interface IAuditLog
{
    /// <summary>Starts a business event; nothing is recorded until <see cref="AuditEventBuilder.Succeeded"/>, <see cref="AuditEventBuilder.Failed"/> or <see cref="AuditEventBuilder.Record"/>.</summary>
    /// <param name="action">What was done, for example <c>CREATE</c> or <c>cluster.create</c>.</param>
    /// <param name="message">A sentence for people.</param>
    /// <exception cref="ArgumentException"><paramref name="action"/> is empty.</exception>
    AuditEventBuilder Event(string action, string? message = null);

    /// <summary>
    /// Records that a record changed, when the app saves it without Entity Framework Core: its values before and after
    /// (objects, as JSON serializes them, or dictionaries by field name), the changed fields worked out from them,
    /// masked and bounded like bodies. An update that changes nothing is not recorded. Never throws for what it records.
    /// </summary>
    /// <param name="entityType">The kind of record, for example <c>Product</c>.</param>
    /// <param name="id">Its primary key: a value, or an object of the parts of a composite key.</param>
    /// <param name="before">Its values before; null when it was created.</param>
    /// <param name="after">Its values after; null when it was deleted.</param>
    /// <exception cref="ArgumentException"><paramref name="entityType"/> is empty, or both values are null.</exception>
    void RecordChange(string entityType, object id, object? before, object? after);

    /// <summary>Records the changes of one save (from one transaction, when <paramref name="transactionId"/> names it), as <see cref="RecordChange"/> does each.</summary>
    /// <param name="changes">The changes, in the order they were saved.</param>
    /// <param name="transactionId">The transaction that saved them, when known.</param>
    void RecordChanges(IReadOnlyCollection<AuditEntityChange> changes, string? transactionId = null);

    /// <summary>
    /// Records that the app refused a call in its own access checks (a record of another tenant, a caller without
    /// one): an <c>AccessDenied</c> security event with the reason, the resource and the caller's tenant, in the
    /// request's unit when there is one. Never throws.
    /// </summary>
    /// <param name="reason">Why it was refused.</param>
    /// <param name="resource">What was asked for, for example <c>order 7</c>.</param>
    /// <param name="severity">How serious it is. Default <see cref="Events.SecuritySeverity.Warning"/>.</param>
    void AccessDenied(Events.AccessDenialReason reason, string? resource = null, Events.SecuritySeverity severity = Events.SecuritySeverity.Warning);
}
