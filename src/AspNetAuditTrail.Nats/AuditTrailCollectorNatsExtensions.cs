using AspNetAuditTrail.Collector;
using AspNetAuditTrail.Nats;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Makes a collector take the audit trail from a NATS JetStream stream.</summary>
public static class AuditTrailCollectorNatsExtensions
{
    /// <summary>
    /// Has the collector (<c>AddAuditTrailCollector</c>) take what apps publish with <c>UseNatsJetStream</c>, through a
    /// durable pull consumer that any number of collector instances share (settings: <c>AuditTrailCollector:Nats</c>,
    /// then <paramref name="configure"/>). Each fetched batch is written to the store in one transaction and
    /// acknowledged only after it committed; the stream and the consumer are created when missing. The health check
    /// <c>audit-trail-nats</c> and the metric <c>audit.nats.consumer.lag</c> show the backlog.
    /// </summary>
    public static IServiceCollection ConsumeNatsJetStream(this IServiceCollection services, Action<NatsConsumeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<NatsConsumeOptions>().BindConfiguration($"{AuditTrailCollectorOptions.SectionName}:Nats");
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NatsConsumeOptions>>(new NatsOptionsValidator($"{AuditTrailCollectorOptions.SectionName}:Nats")));
        services.TryAddSingleton<NatsConsumerState>();
        services.AddHostedService<NatsCollectorConsumer>();
        services.AddHealthChecks().AddCheck<NatsConsumerHealthCheck>("audit-trail-nats");
        return services;
    }
}
