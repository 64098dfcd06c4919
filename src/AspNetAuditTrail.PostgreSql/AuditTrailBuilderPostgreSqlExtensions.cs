using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.PostgreSql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Picks PostgreSQL as the audit store.</summary>
public static class AuditTrailBuilderPostgreSqlExtensions
{
    /// <summary>
    /// Writes the audit trail to PostgreSQL (binary COPY per batch). With no connection string,
    /// <c>AuditTrail:ConnectionString</c> is used (for example <c>Host=db;Database=audit;Username=audit;Password=...</c>).
    /// </summary>
    public static AuditTrailBuilder UsePostgreSql(this AuditTrailBuilder builder, string? connectionString = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseStore((connection, time) => new PostgreSqlAuditStore(connection, time), connectionString);
    }
}
