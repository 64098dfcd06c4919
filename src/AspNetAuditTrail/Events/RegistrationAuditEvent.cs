using System.Text.Json.Serialization;

namespace AspNetAuditTrail.Events;

/// <summary>One registration (success or failure) of a step: a row of <c>registration_audit_event</c>.</summary>
public sealed record RegistrationAuditEvent : IAuditEvent
{
    /// <summary>Time-ordered id made by the application.</summary>
    public required Guid Id { get; init; }

    /// <summary>When it was registered (UTC).</summary>
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

    /// <summary>The step it belongs to.</summary>
    public required Guid StepId { get; init; }

    /// <summary>Whether this part of the step worked.</summary>
    public required bool Success { get; init; }

    /// <summary>What was registered (for example <c>code</c>).</summary>
    public string? Name { get; init; }

    /// <summary>Details: what was checked, or why it failed.</summary>
    public string? Description { get; init; }

    /// <summary>The id of the user, when known.</summary>
    public string? CreatedBy { get; init; }
}
