using System.Globalization;
using AspNetAuditTrail.Relational;
using AspNetAuditTrail.Retention;

namespace AspNetAuditTrail.Cli;

/// <summary>The names of the kinds of record as <c>--kind</c> takes them, and how counts per table are printed.</summary>
internal static class RecordKinds
{
    public static readonly IReadOnlyDictionary<string, AuditRecordKind> ByName = new Dictionary<string, AuditRecordKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["requests"] = AuditRecordKind.Requests,
        ["sign-ins"] = AuditRecordKind.SignIns,
        ["security-events"] = AuditRecordKind.SecurityEvents,
        ["processes"] = AuditRecordKind.Processes,
        ["business-events"] = AuditRecordKind.BusinessEvents,
        ["entity-changes"] = AuditRecordKind.EntityChanges,
    };

    private static readonly Dictionary<string, string> TableLabels = new()
    {
        [AuditTables.Request.Name] = "requests",
        [AuditTables.Login.Name] = "sign-ins",
        [AuditTables.Security.Name] = "security-events",
        [AuditTables.Process.Name] = "processes",
        [AuditTables.Step.Name] = "process steps",
        [AuditTables.Registration.Name] = "step registrations",
        [AuditTables.BusinessEvent.Name] = "business-events",
        [AuditTables.EntityChange.Name] = "entity-changes",
    };

    /// <summary>Prints rows per kind and tenant as a table, and returns their total.</summary>
    public static long Print(IReadOnlyList<AuditRowCount> counts)
    {
        Console.WriteLine($"{"kind",-20} {"tenant",-24} {"rows",12}");
        foreach (var count in counts.OrderBy(c => TableLabels.GetValueOrDefault(c.Table, c.Table), StringComparer.Ordinal).ThenBy(c => c.TenantId, StringComparer.Ordinal))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{TableLabels.GetValueOrDefault(count.Table, count.Table),-20} {count.TenantId ?? "(none)",-24} {count.Rows,12:N0}"));
        }

        var total = counts.Sum(c => c.Rows);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"total",-20} {"",-24} {total,12:N0}"));
        return total;
    }
}
