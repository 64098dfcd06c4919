namespace AspNetAuditTrail.PostgreSql;

/// <summary>Settings of the PostgreSQL store, bound from the <c>PostgreSql</c> subsection of the <c>AuditTrail</c> section.</summary>
public sealed class PostgreSqlAuditOptions
{
    /// <summary>
    /// The schema of the audit tables, created when missing (a plain identifier). Default: none, the connection's
    /// search path (usually <c>public</c>).
    /// </summary>
    public string? Schema { get; set; }

    /// <summary>
    /// Partition the big tables (requests, sign-ins, security events, business events) by month of <c>occurred_at</c>,
    /// so that retention drops a month whole instead of deleting its rows. Default off. Turning it on converts existing
    /// tables at the next schema migration (their rows are copied once: see README).
    /// </summary>
    public bool PartitionByMonth { get; set; }

    /// <summary>With <see cref="PartitionByMonth"/>: how many months of partitions exist ahead of the current one. Default 3.</summary>
    public int PartitionsAhead { get; set; } = 3;
}
