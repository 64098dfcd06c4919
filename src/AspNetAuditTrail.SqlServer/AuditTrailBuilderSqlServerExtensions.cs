using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.SqlServer;
using Microsoft.Extensions.Options;

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
        var options = builder.Services.AddOptions<SqlServerAuditOptions>();
        if (builder.Configuration is { } section)
        {
            options.Bind(section.GetSection("SqlServer"));
        }

        if (schema is not null)
        {
            options.Configure(o => o.Schema = schema);
        }

        return builder.UseStore(
            sp => new SqlServerAuditStore(
                sp.GetRequiredService<IOptions<AuditTrailOptions>>().Value.ConnectionString!,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<IOptions<SqlServerAuditOptions>>().Value.Schema),
            connectionString);
    }
}
