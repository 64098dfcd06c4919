namespace AspNetAuditTrail.Events;

/// <summary>
/// Everything recorded for one request (or one piece of work outside a request), handed to the writer
/// as a whole and written in one transaction, parents first.
/// </summary>
public sealed class AuditUnit
{
    /// <summary>The request row.</summary>
    public required RequestAuditEvent Request { get; init; }
}
