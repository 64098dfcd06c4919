namespace AspNetAuditTrail.PostgreSql;

/// <summary>Settings of the PostgreSQL store, bound from the <c>PostgreSql</c> subsection of the <c>AuditTrail</c> section.</summary>
public sealed class PostgreSqlAuditOptions
{
    /// <summary>
    /// The schema of the audit tables, created when missing (a plain identifier). Default: none, the connection's
    /// search path (usually <c>public</c>).
    /// </summary>
    public string? Schema { get; set; }
}
