using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.SqlServer;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Picks SQL Server as the audit store.</summary>
public static class AuditTrailBuilderSqlServerExtensions
{
    /// <summary>
    /// Writes the audit trail to SQL Server (SqlBulkCopy per batch), in the given schema (default <c>audit</c>).
    /// With no connection string, <c>AuditTrail:ConnectionString</c> is used.
    /// </summary>
    public static AuditTrailBuilder UseSqlServer(
        this AuditTrailBuilder builder, string? connectionString = null, string schema = SqlServerAuditStore.DefaultSchema)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseStore((connection, time) => new SqlServerAuditStore(connection, time, schema), connectionString);
    }
}
