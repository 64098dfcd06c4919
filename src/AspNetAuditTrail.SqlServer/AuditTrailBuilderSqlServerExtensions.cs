using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.SqlServer;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Picks SQL Server as the audit store.</summary>
public static class AuditTrailBuilderSqlServerExtensions
{
    /// <summary>
    /// Writes the audit trail to SQL Server (SqlBulkCopy per batch). With no connection string,
    /// <c>AuditTrail:ConnectionString</c> is used. The schema comes from <paramref name="schema"/>, else
    /// <c>AuditTrail:SqlServer:Schema</c>, else <c>audit</c>.
    /// </summary>
    public static AuditTrailBuilder UseSqlServer(this AuditTrailBuilder builder, string? connectionString = null, string? schema = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseStore<SqlServerAuditOptions>(
            "SqlServer",
            (connection, time, options) => new SqlServerAuditStore(connection, time, options.Schema),
            connectionString,
            schema is null ? null : o => o.Schema = schema);
    }
}
