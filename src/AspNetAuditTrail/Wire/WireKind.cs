using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Wire;

/// <summary>
/// One kind of row on the wire: its name, its record type, which of its fields hold JSON objects, and the field that
/// names its parent (with the parent's kind), when it has one.
/// </summary>
internal sealed record WireKind(
    string Name, Type Type, string[] JsonFields, Func<AuditUnit, IEnumerable<IAuditEvent>> RowsOf, WireParent? Parent = null)
{
    /// <summary>Fields whose text may span lines; every other text field is neutralised to one line when read.</summary>
    public static readonly HashSet<string> MultiLineFields = ["requestBody", "responseBody", "errorMessage", "errorStackTrace", "stackTrace", "description"];

    /// <summary>The kinds, parents first (the order rows are written in).</summary>
    public static readonly WireKind[] All =
    [
        new("request", typeof(RequestAuditEvent), ["extraInformation", "routeValues", "actionArguments", "validationErrors"], u => u.Request is { } r ? [r] : []),
        new("login", typeof(LoginAuditEvent), ["extraInformation"], u => u.Logins, WireParent.Of<LoginAuditEvent>("requestEventId", "request", r => r.RequestEventId)),
        new("security", typeof(SecurityAuditEvent), ["details"], u => u.SecurityEvents, WireParent.Of<SecurityAuditEvent>("requestEventId", "request", r => r.RequestEventId)),
        new("process", typeof(ProcessAuditEvent), ["extraInformation"], u => u.Processes, WireParent.Of<ProcessAuditEvent>("requestEventId", "request", r => r.RequestEventId)),
        new("step", typeof(StepAuditEvent), [], u => u.Steps, WireParent.Of<StepAuditEvent>("processId", "process", r => r.ProcessId)),
        new("registration", typeof(RegistrationAuditEvent), [], u => u.Registrations, WireParent.Of<RegistrationAuditEvent>("stepId", "step", r => r.StepId)),
        new("event", typeof(BusinessAuditEvent), ["input", "output", "metadata"], u => u.BusinessEvents,
            WireParent.Of<BusinessAuditEvent>("requestEventId", "request", r => r.RequestEventId)),
        new("change", typeof(EntityChangeAuditEvent), ["before", "after", "changedFields"], u => u.EntityChanges,
            WireParent.Of<EntityChangeAuditEvent>("requestEventId", "request", r => r.RequestEventId)),
    ];

    public static readonly Dictionary<string, WireKind> ByName = All.ToDictionary(k => k.Name, StringComparer.Ordinal);

    public static readonly Dictionary<Type, WireKind> ByType = All.ToDictionary(k => k.Type);

    /// <summary>The id of a row's parent; null for a row with none.</summary>
    public static Guid? ParentOf(IAuditEvent row) => ByType[row.GetType()].Parent?.IdOf(row);
}
