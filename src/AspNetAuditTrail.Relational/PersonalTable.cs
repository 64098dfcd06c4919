using AspNetAuditTrail.Retention;

namespace AspNetAuditTrail.Relational;

/// <summary>
/// A table as anonymisation sees it: its columns by what they hold of a person (from the column model), the kind whose
/// periods apply to it, and how its rows link to the rows that name a person.
/// </summary>
/// <param name="Name">The table.</param>
/// <param name="Kind">The kind whose periods apply (steps and registrations: their process's).</param>
/// <param name="Subjects">Columns that say who the row is about.</param>
/// <param name="Identifiers">Columns that identify a person without naming them.</param>
/// <param name="Contents">Columns of free content.</param>
/// <param name="Link">The column that links a row to its parent, and the parent table; null for requests.</param>
internal sealed record PersonalTable(
    string Name, AuditRecordKind Kind, IReadOnlyList<string> Subjects, IReadOnlyList<string> Identifiers, IReadOnlyList<string> Contents, (string Column, string Parent)? Link)
{
    /// <summary>Every table, children before their parents: a row's links are read before its parent changes.</summary>
    public static readonly IReadOnlyList<PersonalTable> All =
    [
        Of(AuditTables.Registration, AuditRecordKind.Processes, ("step_id", AuditTables.Step.Name)),
        Of(AuditTables.Step, AuditRecordKind.Processes, ("process_id", AuditTables.Process.Name)),
        Of(AuditTables.Process, AuditRecordKind.Processes, ("request_event_id", AuditTables.Request.Name)),
        Of(AuditTables.Login, AuditRecordKind.SignIns, ("request_event_id", AuditTables.Request.Name)),
        Of(AuditTables.Security, AuditRecordKind.SecurityEvents, ("request_event_id", AuditTables.Request.Name)),
        Of(AuditTables.BusinessEvent, AuditRecordKind.BusinessEvents, ("request_event_id", AuditTables.Request.Name)),
        Of(AuditTables.EntityChange, AuditRecordKind.EntityChanges, ("request_event_id", AuditTables.Request.Name)),
        Of(AuditTables.Request, AuditRecordKind.Requests, null),
    ];

    /// <summary>The subject and identifier columns, in that order: what a row's update sets from its values.</summary>
    public IEnumerable<string> Replaced => Subjects.Concat(Identifiers);

    public static PersonalTable Named(string name) => All.First(t => t.Name == name);

    private static PersonalTable Of<TEvent>(AuditTable<TEvent> table, AuditRecordKind kind, (string, string)? link)
    {
        string[] Columns(AuditPersonalData personal) => [.. table.Columns.Where(c => c.Personal == personal).Select(c => c.Name)];
        return new PersonalTable(table.Name, kind, Columns(AuditPersonalData.Subject), Columns(AuditPersonalData.Identifier), Columns(AuditPersonalData.Content), link);
    }
}
