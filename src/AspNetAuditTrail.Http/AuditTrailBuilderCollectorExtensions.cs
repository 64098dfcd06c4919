using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Makes a collector the app's audit store, or the keeper of its checkpoints.</summary>
public static class AuditTrailBuilderCollectorExtensions
{
    /// <summary>
    /// Forwards everything the app records to a collector (<c>AuditTrail:Collector</c>: <c>Url</c>, <c>ServiceName</c>,
    /// <c>PrivateKeyPath</c>, <c>Timeout</c>...), through the same queue, retries, circuit breaker and journal as a
    /// database store: a slow, down or refusing collector never slows or breaks a request, and nothing is lost.
    /// </summary>
    public static AuditTrailBuilder UseCollector(this AuditTrailBuilder builder, Action<CollectorClientOptions>? configure = null)
    {
        AddCollectorClient(builder, configure);

        // The audit trail's connection string names where the trail goes: here, the collector.
        builder.Services.AddOptions<AuditTrailOptions>().PostConfigure<IOptions<CollectorClientOptions>>((o, c) => o.ConnectionString ??= c.Value.Url);
        return builder.UseStore(sp => new CollectorAuditStore(sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<IOptions<CollectorClientOptions>>()));
    }

    /// <summary>
    /// Sends every checkpoint of the app's hash chain (<c>AuditTrail:Integrity</c>) to a collector
    /// (<c>AuditTrail:Collector</c>, as for <see cref="UseCollector"/>), which keeps it as a write-once file out of the
    /// app's reach: while the app writes its own database, the collector holds what it stated.
    /// </summary>
    public static AuditTrailBuilder SendCheckpointsToCollector(this AuditTrailBuilder builder, Action<CollectorClientOptions>? configure = null)
    {
        AddCollectorClient(builder, configure);
        builder.Services.AddSingleton<AspNetAuditTrail.Integrity.IAuditCheckpointSink>(sp =>
            new CollectorCheckpointSink(sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<IOptions<CollectorClientOptions>>()));
        return builder;
    }

    private static void AddCollectorClient(AuditTrailBuilder builder, Action<CollectorClientOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<CollectorClientOptions>();
        if (builder.Configuration is { } section)
        {
            options.Bind(section.GetSection("Collector"));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.PostConfigure<IServiceProvider>((o, sp) =>
            {
                o.ServiceName ??= sp.GetRequiredService<IOptions<AuditTrailOptions>>().Value.ServiceName;
                if (o.PrivateKeyPath is { Length: > 0 } path && !Path.IsPathRooted(path) && sp.GetService<IHostEnvironment>() is { } environment)
                {
                    o.PrivateKeyPath = Path.GetFullPath(Path.Combine(environment.ContentRootPath, path));
                }
            })
            .Validate(o => Uri.TryCreate(o.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https", "AuditTrail:Collector:Url must be the collector's http or https address.")
            .Validate(o => o.PrivateKeyPath is { Length: > 0 } p && File.Exists(p), "AuditTrail:Collector:PrivateKeyPath must name the service's private key (a PEM file).")
            .Validate(o => o.ServiceName is { Length: >= 1 and <= 128 }, "AuditTrail:Collector:ServiceName must be 1 to 128 characters.")
            .Validate(o => o.Timeout >= TimeSpan.FromMilliseconds(100) && o.Timeout <= TimeSpan.FromMinutes(5), "AuditTrail:Collector:Timeout must be from 00:00:00.1 to 00:05:00.")
            .Validate(o => o.MaxItemsPerCall is >= 1 and <= 100_000 && o.MaxBytesPerCall >= 1024, "AuditTrail:Collector:MaxItemsPerCall must be from 1 to 100,000 and MaxBytesPerCall at least 1,024.")
            .Validate(o => o.ConcurrentCalls is >= 1 and <= 64, "AuditTrail:Collector:ConcurrentCalls must be from 1 to 64.")
            .ValidateOnStart();

        builder.Services.AddTransient<CallSigner>();
        builder.Services.AddHttpClient(CollectorAuditStore.ClientName, (sp, client) =>
            {
                var url = sp.GetRequiredService<IOptions<CollectorClientOptions>>().Value.Url!;
                client.BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/");
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider sp) =>
            {
                var timeout = sp.GetRequiredService<IOptions<CollectorClientOptions>>().Value.Timeout;
                resilience.AttemptTimeout.Timeout = timeout;
                resilience.Retry.MaxRetryAttempts = 2;
                resilience.TotalRequestTimeout.Timeout = (timeout * 3) + TimeSpan.FromSeconds(10);
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, (timeout * 2).Ticks + TimeSpan.TicksPerSecond));
            });
        builder.Services.AddHttpClient(CollectorAuditStore.ClientName).AddHttpMessageHandler<CallSigner>();
    }
}
