using System.Text.Json.Serialization;

namespace AspNetAuditTrail.Events;

/// <summary>A business process: a row of <c>process_audit_event</c>.</summary>
public sealed record ProcessAuditEvent : IAuditEvent
{
    /// <summary>Time-ordered id made by the application.</summary>
    public required Guid Id { get; init; }

    /// <summary>When the process started (UTC).</summary>
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

    /// <summary>The request it ran in; null outside an audited request.</summary>
    public Guid? RequestEventId { get; init; }

    /// <summary>The process's name.</summary>
    public required string Name { get; init; }

    /// <summary>What the process does.</summary>
    public string? Description { get; init; }

    /// <summary>The id of the user who ran it, when known.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>JSON object of what the process set as extra information, or null.</summary>
    public string? ExtraInformation { get; init; }
}
