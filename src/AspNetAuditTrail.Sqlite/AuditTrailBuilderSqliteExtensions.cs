using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Picks SQLite as the audit store.</summary>
public static class AuditTrailBuilderSqliteExtensions
{
    /// <summary>
    /// Writes the audit trail to SQLite. With no connection string, <c>AuditTrail:ConnectionString</c> is used
    /// (for example <c>Data Source=audit.db</c>).
    /// </summary>
    public static AuditTrailBuilder UseSqlite(this AuditTrailBuilder builder, string? connectionString = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseStore((connection, time) => new SqliteAuditStore(connection, time), connectionString);
    }
}
