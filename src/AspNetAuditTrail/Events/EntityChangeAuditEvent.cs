using System.Text.Json.Serialization;

namespace AspNetAuditTrail.Events;

/// <summary>What one record looked like before and after a change: a row of <c>entity_change_audit_event</c>.</summary>
public sealed record EntityChangeAuditEvent : IAuditEvent
{
    /// <summary>Time-ordered id made by the application.</summary>
    public required Guid Id { get; init; }

    /// <summary>When the change was saved (UTC).</summary>
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

    /// <summary>The request row it was saved in; null outside an audited request.</summary>
    public Guid? RequestEventId { get; init; }

    /// <summary>The process running in the request when it was saved, if any.</summary>
    public Guid? ProcessId { get; init; }

    /// <summary>Who made it: the request's user, or the database user for <see cref="EntityChangeSource.Database"/>.</summary>
    public string? UserId { get; init; }

    /// <summary>The kind of record, for example the model's name <c>Product</c>.</summary>
    public required string EntityType { get; init; }

    /// <summary>The table the record lives in, when known.</summary>
    public string? TableName { get; init; }

    /// <summary>The record's primary key as text; a composite key as a JSON object of its parts.</summary>
    public required string EntityId { get; init; }

    /// <summary>Created, updated or deleted.</summary>
    public required EntityChangeAction Action { get; init; }

    /// <summary>The record's values before the change, as a JSON object (masked, size-bounded); null when created.</summary>
    public string? Before { get; init; }

    /// <summary>The record's values after the change, as a JSON object (masked, size-bounded); null when deleted.</summary>
    public string? After { get; init; }

    /// <summary>For each changed field, <c>{"before": ..., "after": ...}</c>, as a JSON object (masked, size-bounded).</summary>
    public string? ChangedFields { get; init; }

    /// <summary>Whether the application or a database trigger recorded it.</summary>
    public EntityChangeSource Source { get; init; }

    /// <summary>The transaction that saved it, when known: the changes of one save share it.</summary>
    public string? TransactionId { get; init; }
}
