namespace AspNetAuditTrail.Events;

/// <summary>What a change did to a record.</summary>
public enum EntityChangeAction
{
    /// <summary>The record was added: <c>after</c> holds its values.</summary>
    Created,

    /// <summary>The record was changed: <c>changed_fields</c> holds each changed value before and after.</summary>
    Updated,

    /// <summary>The record was removed: <c>before</c> holds its values.</summary>
    Deleted,
}
