using System.Text.Json.Serialization;

namespace AspNetAuditTrail.Events;

/// <summary>A sign-in, sign-out or failed sign-in: a row of <c>login_audit_event</c>. Never holds a password.</summary>
public sealed record LoginAuditEvent : IAuditEvent
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

    /// <summary>Sign-in, sign-out or failure.</summary>
    public required LoginStatus Status { get; init; }

    /// <summary>The user name tried or signed in with.</summary>
    public string? UserName { get; init; }

    /// <summary>The user's id, when known.</summary>
    public string? UserId { get; init; }

    /// <summary>Client address.</summary>
    public string? IpAddress { get; init; }

    /// <summary>JSON object of further details (for example the authentication scheme), or null.</summary>
    public string? ExtraInformation { get; init; }
}
