using AspNetAuditTrail.Collector;
using AspNetAuditTrail.Collector.Authentication;
using AspNetAuditTrail.Collector.Endpoints;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the central audit collector on a host that records into a store (<c>AddAuditTrail(...).UseX(...)</c>).</summary>
public static class AuditTrailCollectorServiceCollectionExtensions
{
    /// <summary>Adds the collector with its settings bound from <paramref name="configuration"/> (usually the <c>AuditTrailCollector</c> section).</summary>
    public static IServiceCollection AddAuditTrailCollector(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AuditTrailCollectorOptions>().Bind(configuration);
        return services.AddAuditTrailCollector(_ => { });
    }

    /// <summary>Adds the collector with settings given in code. The service keys are read, and the settings checked, at start-up.</summary>
    public static IServiceCollection AddAuditTrailCollector(this IServiceCollection services, Action<AuditTrailCollectorOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<AuditTrailCollectorOptions>()
            .Configure(configure)
            .PostConfigure<IServiceProvider>((o, sp) =>
            {
                // A relative key path or checkpoint folder is under the app's content root, as other ASP.NET Core file settings are.
                var root = sp.GetService<IHostEnvironment>()?.ContentRootPath;
                foreach (var service in o.Services.Values.Where(s => root is not null && s.PublicKeyPath is { Length: > 0 } p && !Path.IsPathRooted(p)))
                {
                    service.PublicKeyPath = Path.GetFullPath(Path.Combine(root!, service.PublicKeyPath!));
                }

                if (root is not null && o.CheckpointFolder is { Length: > 0 } folder && !string.IsNullOrWhiteSpace(folder))
                {
                    o.CheckpointFolder = Path.GetFullPath(folder, root);
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditTrailCollectorOptions>, CollectorOptionsValidator>());
        services.TryAddSingleton<ServiceKeys>();
        services.TryAddSingleton<ReplayGuard>();
        services.TryAddSingleton<M2mAuthenticator>();
        services.TryAddSingleton<IAuditUserResolver, KeptUserKey>();
        services.TryAddSingleton<CollectorRefusals>();
        services.TryAddSingleton<CollectorIntake>();
        services.TryAddSingleton<CollectorReading>();
        services.TryAddSingleton<CollectorCheckpoints>();
        services.AddAuthorization();
        services.AddHealthChecks().AddAuditTrail();
        return services;
    }
}
