namespace AspNetAuditTrail.Events;

/// <summary>A row of the audit trail: every event record has an application-made id, the time it happened and the service that recorded it.</summary>
public interface IAuditEvent
{
    /// <summary>The row's id: a time-ordered UUID made by the application.</summary>
    Guid Id { get; }

    /// <summary>When the event happened (UTC).</summary>
    DateTimeOffset OccurredAt { get; }

    /// <summary>The service that recorded it (<c>AuditTrail:ServiceName</c>, by default the application's name), so that rows of many services can share one database.</summary>
    string? ServiceName { get; }
}
