using System.Text.Json.Serialization;

namespace AspNetAuditTrail.Events;

/// <summary>A step of a process, with the number of registrations it expects: a row of <c>step_audit_event</c>.</summary>
public sealed record StepAuditEvent : IAuditEvent
{
    /// <summary>Time-ordered id made by the application.</summary>
    public required Guid Id { get; init; }

    /// <summary>When the step was declared (UTC).</summary>
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

    /// <summary>The process it belongs to.</summary>
    public required Guid ProcessId { get; init; }

    /// <summary>The step's name, unique within its process.</summary>
    public required string Name { get; init; }

    /// <summary>What the step checks or does.</summary>
    public string? Description { get; init; }

    /// <summary>Its place in the process.</summary>
    public required int Order { get; init; }

    /// <summary>How many successful registrations make the step a success.</summary>
    public required int ExpectedRegistrations { get; init; }

    /// <summary>The id of the user who ran the process, when known.</summary>
    public string? CreatedBy { get; init; }
}
