using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.PostgreSql;
using Microsoft.Extensions.Options;

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
        var options = builder.Services.AddOptions<PostgreSqlAuditOptions>();
        if (builder.Configuration is { } section)
        {
            options.Bind(section.GetSection("PostgreSql"));
        }

        if (schema is not null)
        {
            options.Configure(o => o.Schema = schema);
        }

        return builder.UseStore(
            sp => new PostgreSqlAuditStore(
                sp.GetRequiredService<IOptions<AuditTrailOptions>>().Value.ConnectionString!,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<IOptions<PostgreSqlAuditOptions>>().Value.Schema),
            connectionString);
    }
}
