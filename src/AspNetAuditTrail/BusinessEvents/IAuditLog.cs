namespace AspNetAuditTrail;

/// <summary>
/// Records business events (what the application did, in its own terms) and the app's own access refusals. A scoped service: inject it into handlers
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
    /// Records that the app refused a call in its own access checks (a record of another tenant, a caller without
    /// one): an <c>AccessDenied</c> security event with the reason, the resource and the caller's tenant, in the
    /// request's unit when there is one. Never throws.
    /// </summary>
    /// <param name="reason">Why it was refused.</param>
    /// <param name="resource">What was asked for, for example <c>order 7</c>.</param>
    /// <param name="severity">How serious it is. Default <see cref="Events.SecuritySeverity.Warning"/>.</param>
    void AccessDenied(Events.AccessDenialReason reason, string? resource = null, Events.SecuritySeverity severity = Events.SecuritySeverity.Warning);
}
