using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Wire;

/// <summary>One kind of row on the wire: its name, its record type, and which of its fields hold JSON objects.</summary>
internal sealed record WireKind(string Name, Type Type, string[] JsonFields, Func<AuditUnit, IEnumerable<IAuditEvent>> RowsOf)
{
    /// <summary>Fields whose text may span lines; every other text field is neutralised to one line when read.</summary>
    public static readonly HashSet<string> MultiLineFields = ["requestBody", "responseBody", "errorMessage", "errorStackTrace", "stackTrace", "description"];

    /// <summary>The kinds, parents first (the order rows are written in).</summary>
    public static readonly WireKind[] All =
    [
        new("request", typeof(RequestAuditEvent), ["extraInformation", "routeValues", "actionArguments", "validationErrors"], u => u.Request is { } r ? [r] : []),
        new("login", typeof(LoginAuditEvent), ["extraInformation"], u => u.Logins),
        new("security", typeof(SecurityAuditEvent), ["details"], u => u.SecurityEvents),
        new("process", typeof(ProcessAuditEvent), ["extraInformation"], u => u.Processes),
        new("step", typeof(StepAuditEvent), [], u => u.Steps),
        new("registration", typeof(RegistrationAuditEvent), [], u => u.Registrations),
        new("event", typeof(BusinessAuditEvent), ["input", "output", "metadata"], u => u.BusinessEvents),
    ];

    public static readonly Dictionary<string, WireKind> ByName = All.ToDictionary(k => k.Name, StringComparer.Ordinal);

    public static readonly Dictionary<Type, WireKind> ByType = All.ToDictionary(k => k.Type);

    /// <summary>The field of a row that names its parent, and the kind of that parent; null for a row with none.</summary>
    public (string Field, string Parent)? Reference => Name switch
    {
        "login" or "security" or "process" or "event" => ("requestEventId", "request"),
        "step" => ("processId", "process"),
        "registration" => ("stepId", "step"),
        _ => null,
    };

    public static Guid? ReferenceOf(IAuditEvent row) => row switch
    {
        LoginAuditEvent r => r.RequestEventId,
        SecurityAuditEvent r => r.RequestEventId,
        ProcessAuditEvent r => r.RequestEventId,
        BusinessAuditEvent r => r.RequestEventId,
        StepAuditEvent r => r.ProcessId,
        RegistrationAuditEvent r => r.StepId,
        _ => null,
    };
}
