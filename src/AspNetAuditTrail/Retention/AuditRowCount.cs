namespace AspNetAuditTrail.Retention;

/// <summary>How many rows of a table and tenant an operation counted or changed (retention removed, anonymisation changed, an export wrote).</summary>
/// <param name="Table">The table (a process's steps and registrations are counted in their own tables).</param>
/// <param name="TenantId">The rows' tenant; null for rows without one.</param>
/// <param name="Rows">The number of rows.</param>
public sealed record AuditRowCount(string Table, string? TenantId, long Rows);
