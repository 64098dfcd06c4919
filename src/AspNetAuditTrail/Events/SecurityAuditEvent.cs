using System.Text.Json.Serialization;

namespace AspNetAuditTrail.Events;

/// <summary>A security event (token failure, access denied or granted, suspicious activity): a row of <c>security_audit_event</c>.</summary>
public sealed record SecurityAuditEvent : IAuditEvent
{
    /// <summary>Time-ordered id made by the application.</summary>
    public required Guid Id { get; init; }

    /// <summary>When it happened (UTC).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <inheritdoc />
    public string? ServiceName { get; init; }

    /// <inheritdoc />
    public string? TenantId { get; init; }

    /// <inheritdoc />
    public string? SubtenantId { get; init; }

    /// <inheritdoc />
    public DateTimeOffset? AnonymizedAt { get; init; }

    /// <inheritdoc />
    [JsonInclude]
    public AuditSeal? Seal { get; internal set; }

    /// <summary>The request row it belongs to; null when that request is not audited.</summary>
    public Guid? RequestEventId { get; init; }

    /// <summary>What happened.</summary>
    public required SecurityEventType EventType { get; init; }

    /// <summary>How serious it is.</summary>
    public required SecuritySeverity Severity { get; init; }

    /// <summary>The user's id, when known.</summary>
    public string? UserId { get; init; }

    /// <summary>The user name, when known.</summary>
    public string? UserName { get; init; }

    /// <summary>Client address.</summary>
    public string? IpAddress { get; init; }

    /// <summary>The endpoint concerned (method and route), when known.</summary>
    public string? Endpoint { get; init; }

    /// <summary>JSON object of details: scheme and reason, policy and roles that failed, counts.</summary>
    public string? Details { get; init; }
}
