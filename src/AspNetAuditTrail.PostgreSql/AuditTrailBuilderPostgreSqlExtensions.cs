using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.PostgreSql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Picks PostgreSQL as the audit store.</summary>
public static class AuditTrailBuilderPostgreSqlExtensions
{
    /// <summary>
    /// Writes the audit trail to PostgreSQL (binary COPY per batch). With no connection string,
    /// <c>AuditTrail:ConnectionString</c> is used (for example <c>Host=db;Database=audit;Username=audit;Password=...</c>).
    /// The schema comes from <paramref name="schema"/>, else <c>AuditTrail:PostgreSql:Schema</c>, else the connection's
    /// search path.
    /// </summary>
    public static AuditTrailBuilder UsePostgreSql(this AuditTrailBuilder builder, string? connectionString = null, string? schema = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseStore<PostgreSqlAuditOptions>(
            "PostgreSql",
            (connection, time, options) => new PostgreSqlAuditStore(connection, time, options),
            connectionString,
            schema is null ? null : o => o.Schema = schema);
    }
}
