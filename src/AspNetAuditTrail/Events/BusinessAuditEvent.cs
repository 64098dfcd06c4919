using System.Text.Json.Serialization;

namespace AspNetAuditTrail.Events;

/// <summary>What the application did, in its own terms ("cluster created by this user, with this input"): a row of <c>audit_event</c>.</summary>
public sealed record BusinessAuditEvent : IAuditEvent
{
    /// <summary>Time-ordered id made by the application (or the sender's, so that a resend lands once).</summary>
    public required Guid Id { get; init; }

    /// <summary>When it happened (UTC).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>When the audit trail received it (UTC).</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

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

    /// <summary>How much it matters.</summary>
    public required AuditLevel Level { get; init; }

    /// <summary>Its category: one of <see cref="AuditCategories"/> or the app's own.</summary>
    public required string Category { get; init; }

    /// <summary>What was done, for example <c>CREATE</c> or <c>cluster.create</c>.</summary>
    public required string Action { get; init; }

    /// <summary>A sentence for people.</summary>
    public string? Message { get; init; }

    /// <summary>Whether it worked; null when the event does not say.</summary>
    public AuditEventOutcome? Outcome { get; init; }

    /// <summary>The identity as the app knew it (for example its JWT's subject).</summary>
    public string? UserKey { get; init; }

    /// <summary>The user's id, as resolved.</summary>
    public string? UserId { get; init; }

    /// <summary>The user's session, when the app has one.</summary>
    public string? SessionId { get; init; }

    /// <summary>The kind of record it concerns, for example <c>cluster</c>.</summary>
    public string? ResourceType { get; init; }

    /// <summary>The id of that record.</summary>
    public string? ResourceId { get; init; }

    /// <summary>What it was given, as a JSON object (masked, size-bounded).</summary>
    public string? Input { get; init; }

    /// <summary>What it gave back, as a JSON object (masked, size-bounded).</summary>
    public string? Output { get; init; }

    /// <summary>Anything else, as a JSON object (masked, size-bounded).</summary>
    public string? Metadata { get; init; }

    /// <summary>The app's code for what went wrong.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>What went wrong.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Where it went wrong.</summary>
    public string? StackTrace { get; init; }

    /// <summary>How long it took, in milliseconds.</summary>
    public double? DurationMs { get; init; }

    /// <summary>The request row it happened in; null outside an audited request.</summary>
    public Guid? RequestEventId { get; init; }

    /// <summary>W3C trace id.</summary>
    public string? TraceId { get; init; }

    /// <summary>Client address.</summary>
    public string? IpAddress { get; init; }
}
