namespace AspNetAuditTrail.Events;

/// <summary>A row of the audit trail: every event record has an application-made id, the time it happened, the service that recorded it and the tenant it belongs to.</summary>
public interface IAuditEvent
{
    /// <summary>The row's id: a time-ordered UUID made by the application.</summary>
    Guid Id { get; }

    /// <summary>When the event happened (UTC).</summary>
    DateTimeOffset OccurredAt { get; }

    /// <summary>The service that recorded it (<c>AuditTrail:ServiceName</c>, by default the application's name), so that rows of many services can share one database.</summary>
    string? ServiceName { get; }

    /// <summary>The tenant it happened in (a company), when the app has tenants.</summary>
    string? TenantId { get; }

    /// <summary>The second level inside the tenant (a client, a licence), when there is one.</summary>
    string? SubtenantId { get; }

    /// <summary>When its personal data was anonymised (replaced by pseudonyms, or removed); null while it holds them as recorded.</summary>
    DateTimeOffset? AnonymizedAt { get; }

    /// <summary>The row's place in its writer's hash chain; null until the writer seals it, or when integrity is off.</summary>
    AuditSeal? Seal { get; }
}
