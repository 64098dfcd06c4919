using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Wire;

/// <summary>How a row on the wire names its parent: the field, the parent's kind, and reading the parent's id from the row.</summary>
internal sealed record WireParent(string Field, string Kind, Func<IAuditEvent, Guid?> IdOf)
{
    public static WireParent Of<TEvent>(string field, string kind, Func<TEvent, Guid?> idOf)
        where TEvent : IAuditEvent =>
        new(field, kind, row => idOf((TEvent)row));
}
