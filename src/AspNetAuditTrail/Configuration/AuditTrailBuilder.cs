using AspNetAuditTrail.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Configuration;

/// <summary>Returned by <c>AddAuditTrail</c>: picks the audit store (for example <c>.UseSqlite(...)</c>).</summary>
public sealed class AuditTrailBuilder
{
    internal AuditTrailBuilder(IServiceCollection services, IConfiguration? configuration)
    {
        Services = services;
        Configuration = configuration;
    }

    /// <summary>The application's services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// The configuration section <c>AddAuditTrail</c> was given (usually <c>AuditTrail</c>), where a provider reads
    /// its own subsection (for example <c>AuditTrail:PostgreSql</c>); null when the options were set in code.
    /// </summary>
    public IConfiguration? Configuration { get; }

    /// <summary>Registers a <see cref="ProcessAudit"/> subclass as a scoped service, to be injected where it is used.</summary>
    public AuditTrailBuilder AddProcessAudit<TProcess>()
        where TProcess : ProcessAudit
    {
        Services.TryAddScoped<TProcess>();
        return this;
    }

    /// <summary>Uses the given store for every write, replacing a store chosen before.</summary>
    /// <param name="factory">Makes the store (a singleton).</param>
    public AuditTrailBuilder UseStore(Func<IServiceProvider, IAuditStore> factory) => UseStore(factory, connectionString: null);

    /// <summary>Uses the given store for every write, replacing a store chosen before.</summary>
    /// <param name="factory">Makes the store (a singleton).</param>
    /// <param name="connectionString">When given, overrides <c>AuditTrail:ConnectionString</c>.</param>
    public AuditTrailBuilder UseStore(Func<IServiceProvider, IAuditStore> factory, string? connectionString)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (connectionString is not null)
        {
            Services.PostConfigure<AuditTrailOptions>(o => o.ConnectionString = connectionString);
        }

        Services.RemoveAll<IAuditStore>();
        Services.AddSingleton(factory);
        return this;
    }

    /// <summary>
    /// Uses a store made from the connection string (<paramref name="connectionString"/> when given, else
    /// <c>AuditTrail:ConnectionString</c>) and the app's clock: the one-line body of a provider's <c>UseX</c> extension.
    /// </summary>
    public AuditTrailBuilder UseStore(Func<string, TimeProvider, IAuditStore> create, string? connectionString)
    {
        ArgumentNullException.ThrowIfNull(create);
        return UseStore(
            sp => create(sp.GetRequiredService<IOptions<AuditTrailOptions>>().Value.ConnectionString!, sp.GetRequiredService<TimeProvider>()),
            connectionString);
    }
}
