using AspNetAuditTrail.Retention;

namespace AspNetAuditTrail.Relational;

/// <summary>Rows counted, removed or changed, summed per table and tenant.</summary>
internal sealed class RowCounts
{
    private readonly Dictionary<(string Table, string? TenantId), long> _rows = [];

    public void Add(string table, string? tenantId, long rows) =>
        _rows[(table, tenantId)] = _rows.GetValueOrDefault((table, tenantId)) + rows;

    public void Add(RowCounts other)
    {
        foreach (var ((table, tenant), rows) in other._rows)
        {
            Add(table, tenant, rows);
        }
    }

    public void Add(IEnumerable<AuditRowCount> counts)
    {
        foreach (var count in counts)
        {
            Add(count.Table, count.TenantId, count.Rows);
        }
    }

    public IReadOnlyList<AuditRowCount> ToList() =>
        [.. _rows.Where(r => r.Value > 0).Select(r => new AuditRowCount(r.Key.Table, r.Key.TenantId, r.Value))
            .OrderBy(r => r.Table, StringComparer.Ordinal).ThenBy(r => r.TenantId, StringComparer.Ordinal)];
}
