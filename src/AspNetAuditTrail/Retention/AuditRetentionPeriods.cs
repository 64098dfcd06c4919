namespace AspNetAuditTrail.Retention;

/// <summary>How many days each kind of record is kept; an unset kind is kept forever.</summary>
public class AuditRetentionPeriods
{
    /// <summary>Days a request row is kept. A request that a kept sign-in, security event, process or business event links to stays with it.</summary>
    public int? Requests { get; set; }

    /// <summary>Days a sign-in, sign-out or failed sign-in is kept.</summary>
    public int? SignIns { get; set; }

    /// <summary>Days a security event is kept.</summary>
    public int? SecurityEvents { get; set; }

    /// <summary>Days a process is kept; its steps and registrations go with it.</summary>
    public int? Processes { get; set; }

    /// <summary>Days a business event is kept, unless its category has a period in <see cref="BusinessEventCategories"/>.</summary>
    public int? BusinessEvents { get; set; }

    /// <summary>Days a business event of a category (by its exact name) is kept, instead of <see cref="BusinessEvents"/>.</summary>
    public Dictionary<string, int> BusinessEventCategories { get; set; } = [];

    /// <summary>The period of a kind (for business events: of those outside <see cref="BusinessEventCategories"/>).</summary>
    public int? Of(AuditRecordKind kind) => kind switch
    {
        AuditRecordKind.Requests => Requests,
        AuditRecordKind.SignIns => SignIns,
        AuditRecordKind.SecurityEvents => SecurityEvents,
        AuditRecordKind.Processes => Processes,
        AuditRecordKind.BusinessEvents => BusinessEvents,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of audit record."),
    };
}
