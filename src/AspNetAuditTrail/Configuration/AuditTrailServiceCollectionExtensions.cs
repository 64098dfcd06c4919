using AspNetAuditTrail;
using AspNetAuditTrail.Capture;
using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Reading;
using AspNetAuditTrail.Storage;
using AspNetAuditTrail.Writing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the audit trail. Calling it twice is harmless.</summary>
public static class AuditTrailServiceCollectionExtensions
{
    /// <summary>Adds the audit trail with options bound from a configuration section (usually <c>AuditTrail</c>).</summary>
    public static AuditTrailBuilder AddAuditTrail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AuditTrailOptions>().Bind(configuration);
        return services.AddAuditTrailCore(configuration);
    }

    /// <summary>Adds the audit trail with options set in code.</summary>
    public static AuditTrailBuilder AddAuditTrail(this IServiceCollection services, Action<AuditTrailOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<AuditTrailOptions>().Configure(configure);
        return services.AddAuditTrailCore(configuration: null);
    }

    private static AuditTrailBuilder AddAuditTrailCore(this IServiceCollection services, IConfiguration? configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        var firstCall = !services.Any(d => d.ServiceType == typeof(AuditTrailMarker));
        services.AddOptions<AuditTrailOptions>()
            .PostConfigure<IServiceProvider>((o, sp) => o.ServiceName ??= sp.GetService<IHostEnvironment>()?.ApplicationName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditTrailOptions>, AuditTrailOptionsValidator>());
        services.AddMetrics();
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AuditMetrics>();
        services.TryAddSingleton<AuditTrailStatus>();
        services.TryAddSingleton<AuditSettingsProvider>();
        services.TryAddSingleton<AuditJournal>();
        services.TryAddSingleton<AuditQueue>();
        services.TryAddSingleton<AuditChain>();
        services.TryAddSingleton<AuditTrailMarker>();
        services.TryAddSingleton<HandlerRecorder>();
        services.TryAddSingleton<AuditedRoutes>();
        services.TryAddSingleton<RequestEventFactory>();
        services.TryAddSingleton<AuditUnitBuilder>();
        services.TryAddSingleton<SynchronousAuditWriter>();
        services.TryAddSingleton<GroupCommit>();
        services.TryAddSingleton<AuditActionFilter>();
        services.TryAddScoped<RequestAuditCollector>();
        services.TryAddScoped<IAuditContext>(sp => new AuditContextFacade(sp.GetRequiredService<RequestAuditCollector>()));
        services.TryAddScoped<IAuditLog, AuditLog>();
        services.TryAddSingleton<IAuditTenantResolver, ClaimsTenantResolver>();
        services.TryAddSingleton<AuditTenants>();
        services.TryAddSingleton<AspNetAuditTrail.Wire.IAuditIngest, AspNetAuditTrail.Wire.AuditIngest>();
        services.TryAddScoped(sp => new ProcessAuditContext(
            sp.GetRequiredService<RequestAuditCollector>(),
            sp.GetRequiredService<AuditQueue>(),
            sp.GetRequiredService<AuditSettingsProvider>(),
            sp.GetRequiredService<AuditTenants>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ProcessAudit>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AuditWriter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AuditTrailStartupCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AspNetAuditTrail.Retention.AuditRetentionJob>());
        services.TryAddSingleton<AuditSchema>();
        services.TryAddSingleton<IAuditSchemaMigrator>(sp => sp.GetRequiredService<IAuditStore>() as IAuditSchemaMigrator
            ?? throw new InvalidOperationException("The chosen audit store has no schema to migrate: it does not implement IAuditSchemaMigrator."));
        services.TryAddSingleton<IAuditReader>(sp => sp.GetRequiredService<AspNetAuditTrail.Storage.IAuditStore>() as IAuditReader
            ?? throw new InvalidOperationException("The chosen audit store cannot read the trail back: it does not implement IAuditReader."));
        services.TryAddSingleton<AspNetAuditTrail.Retention.IAuditPersonalDataStore>(sp => sp.GetRequiredService<IAuditStore>() as AspNetAuditTrail.Retention.IAuditPersonalDataStore
            ?? throw new InvalidOperationException("The chosen audit store cannot export or anonymise a person's rows: it does not implement IAuditPersonalDataStore."));
        services.TryAddSingleton<BruteForceDetector>();
        services.TryAddSingleton<SecurityRecorder>();
        if (firstCall)
        {
            // Decorate the authentication service and the authorization result handler, the app's own or ASP.NET
            // Core's, whichever order they were registered in.
            FrameworkServices.Decorate(services);
        }

        return new AuditTrailBuilder(services, configuration);
    }
}
