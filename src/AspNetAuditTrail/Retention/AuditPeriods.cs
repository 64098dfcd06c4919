namespace AspNetAuditTrail.Retention;

/// <summary>A number of days per kind of record (how long it is kept, or after how long it is anonymised); an unset kind has none.</summary>
public class AuditPeriods
{
    /// <summary>Days for request rows. In retention, a request that a kept sign-in, security event, process, business event or change links to stays with it.</summary>
    public int? Requests { get; set; }

    /// <summary>Days for sign-ins, sign-outs and failed sign-ins.</summary>
    public int? SignIns { get; set; }

    /// <summary>Days for security events.</summary>
    public int? SecurityEvents { get; set; }

    /// <summary>Days for processes, with their steps and registrations.</summary>
    public int? Processes { get; set; }

    /// <summary>Days for business events, unless their category has a period in <see cref="BusinessEventCategories"/>.</summary>
    public int? BusinessEvents { get; set; }

    /// <summary>Days for the business events of a category (by its exact name), instead of <see cref="BusinessEvents"/>.</summary>
    public Dictionary<string, int> BusinessEventCategories { get; set; } = [];

    /// <summary>Days for changes of records (before and after values).</summary>
    public int? EntityChanges { get; set; }

    /// <summary>Whether any period is set, of a kind or of a category.</summary>
    internal bool SetsAny => Enum.GetValues<AuditRecordKind>().Any(k => Of(k) is not null) || BusinessEventCategories.Count > 0;

    /// <summary>The period of a kind (for business events: of those outside <see cref="BusinessEventCategories"/>).</summary>
    public int? Of(AuditRecordKind kind) => kind switch
    {
        AuditRecordKind.Requests => Requests,
        AuditRecordKind.SignIns => SignIns,
        AuditRecordKind.SecurityEvents => SecurityEvents,
        AuditRecordKind.Processes => Processes,
        AuditRecordKind.BusinessEvents => BusinessEvents,
        AuditRecordKind.EntityChanges => EntityChanges,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of audit record."),
    };
}
