namespace AspNetAuditTrail.Events;

/// <summary>A row of the audit trail: every event record has an application-made id and the time it happened.</summary>
public interface IAuditEvent
{
    /// <summary>The row's id: a time-ordered UUID made by the application.</summary>
    Guid Id { get; }

    /// <summary>When the event happened (UTC).</summary>
    DateTimeOffset OccurredAt { get; }
}
