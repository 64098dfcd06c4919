using AspNetAuditTrail.Events;

namespace AspNetAuditTrail;

/// <summary>
/// One record's change as the application saw it, for <see cref="IAuditLog.RecordChanges"/>: its values before and
/// after (null before for a record created, null after for one deleted). The changed fields are worked out from them.
/// </summary>
/// <param name="EntityType">The kind of record, for example the model's name <c>Product</c>.</param>
/// <param name="EntityId">The primary key: a value, or for a composite key an object or dictionary of its parts.</param>
/// <param name="Before">The values before the change, by field name; null when the record was created.</param>
/// <param name="After">The values after the change, by field name; null when the record was deleted.</param>
/// <param name="TableName">The table the record lives in, when known.</param>
public sealed record AuditEntityChange(
    string EntityType, object EntityId, IReadOnlyDictionary<string, object?>? Before, IReadOnlyDictionary<string, object?>? After, string? TableName = null)
{
    /// <summary>Created when there is nothing before, deleted when there is nothing after, otherwise updated.</summary>
    public EntityChangeAction Action => (Before, After) switch
    {
        (null, _) => EntityChangeAction.Created,
        (_, null) => EntityChangeAction.Deleted,
        _ => EntityChangeAction.Updated,
    };
}
