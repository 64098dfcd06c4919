namespace AspNetAuditTrail.SqlServer;

/// <summary>Settings of the SQL Server store, bound from the <c>SqlServer</c> subsection of the <c>AuditTrail</c> section.</summary>
public sealed class SqlServerAuditOptions
{
    /// <summary>The schema of the audit tables (a plain identifier). Default <c>audit</c>.</summary>
    public string Schema { get; set; } = SqlServerAuditStore.DefaultSchema;
}
