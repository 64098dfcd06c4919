namespace AspNetAuditTrail.Events;

/// <summary>
/// Everything recorded for one request (or one piece of work outside a request), handed to the writer
/// as a whole and written in one transaction, parents first.
/// </summary>
public sealed class AuditUnit
{
    /// <summary>The request row; null for events recorded outside an audited request.</summary>
    public RequestAuditEvent? Request { get; init; }

    /// <summary>Sign-ins, sign-outs and failed sign-ins.</summary>
    public IReadOnlyList<LoginAuditEvent> Logins { get; init; } = [];

    /// <summary>Security events.</summary>
    public IReadOnlyList<SecurityAuditEvent> SecurityEvents { get; init; } = [];

    /// <summary>Business processes started.</summary>
    public IReadOnlyList<ProcessAuditEvent> Processes { get; init; } = [];

    /// <summary>Steps of processes.</summary>
    public IReadOnlyList<StepAuditEvent> Steps { get; init; } = [];

    /// <summary>Registrations of steps.</summary>
    public IReadOnlyList<RegistrationAuditEvent> Registrations { get; init; } = [];

    /// <summary>Business events recorded through <c>IAuditLog</c>.</summary>
    public IReadOnlyList<BusinessAuditEvent> BusinessEvents { get; init; } = [];

    /// <summary>What records looked like before and after the changes saved in the unit.</summary>
    public IReadOnlyList<EntityChangeAuditEvent> EntityChanges { get; init; } = [];

    /// <summary>Every row of the unit, in the order a store writes them: the request first, then what links to it.</summary>
    public IEnumerable<IAuditEvent> Rows()
    {
        var rows = new List<IAuditEvent>(RowCount);
        AddRowsTo(rows);
        return rows;
    }

    /// <summary>The number of rows in the unit.</summary>
    internal int RowCount =>
        (Request is null ? 0 : 1) + Logins.Count + SecurityEvents.Count + Processes.Count + Steps.Count + Registrations.Count
        + BusinessEvents.Count + EntityChanges.Count;

    /// <summary>Adds the unit's rows to the list, in the order of <see cref="Rows"/>, without an iterator per kind.</summary>
    internal void AddRowsTo(List<IAuditEvent> rows)
    {
        if (Request is not null)
        {
            rows.Add(Request);
        }

        AddAll(rows, Logins);
        AddAll(rows, SecurityEvents);
        AddAll(rows, Processes);
        AddAll(rows, Steps);
        AddAll(rows, Registrations);
        AddAll(rows, BusinessEvents);
        AddAll(rows, EntityChanges);
    }

    private static void AddAll<TEvent>(List<IAuditEvent> rows, IReadOnlyList<TEvent> events)
        where TEvent : IAuditEvent
    {
        for (var i = 0; i < events.Count; i++)
        {
            rows.Add(events[i]);
        }
    }

    /// <summary>A short description for logs: the request's method and path, or what the unit holds.</summary>
    public override string ToString() =>
        Request is { } request
            ? $"{request.Method} {request.Path}"
            : $"{Logins.Count} login, {SecurityEvents.Count} security, {Processes.Count} process, {Steps.Count} step, {Registrations.Count} registration, {BusinessEvents.Count} business and {EntityChanges.Count} change events";
}
