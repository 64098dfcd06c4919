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

    /// <summary>
    /// Uses a store made from the connection string, the app's clock and the provider's own options: bound from the
    /// provider's subsection of <see cref="Configuration"/> (for example <c>AuditTrail:PostgreSql</c>), then changed by
    /// <paramref name="configure"/> (a setting given in code wins). The body of a provider's <c>UseX</c> extension.
    /// </summary>
    /// <param name="section">The provider's subsection of <c>AuditTrail</c>.</param>
    /// <param name="create">Makes the store from the connection string, the clock and the provider's options.</param>
    /// <param name="connectionString">When given, overrides <c>AuditTrail:ConnectionString</c>.</param>
    /// <param name="configure">Settings given in code, applied after the configuration's.</param>
    public AuditTrailBuilder UseStore<TOptions>(
        string section, Func<string, TimeProvider, TOptions, IAuditStore> create, string? connectionString, Action<TOptions>? configure = null)
        where TOptions : class
    {
        ArgumentException.ThrowIfNullOrEmpty(section);
        ArgumentNullException.ThrowIfNull(create);
        var options = Services.AddOptions<TOptions>();
        if (Configuration is { } configuration)
        {
            options.Bind(configuration.GetSection(section));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        return UseStore(
            sp => create(
                sp.GetRequiredService<IOptions<AuditTrailOptions>>().Value.ConnectionString!,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<IOptions<TOptions>>().Value),
            connectionString);
    }
}
