using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Nats;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Makes a NATS JetStream stream the app's audit store.</summary>
public static class AuditTrailBuilderNatsExtensions
{
    /// <summary>
    /// Publishes everything the app records to a JetStream stream (<c>AuditTrail:Nats</c>: <c>Url</c>, <c>Stream</c>,
    /// <c>Subject</c>...), through the same queue, retries, circuit breaker and journal as a database store; collectors
    /// (<c>ConsumeNatsJetStream</c>) write it to the database. The stream is created at start-up when missing.
    /// </summary>
    public static AuditTrailBuilder UseNatsJetStream(this AuditTrailBuilder builder, Action<NatsPublishOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<NatsPublishOptions>();
        if (builder.Configuration is { } section)
        {
            options.Bind(section.GetSection("Nats"));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NatsPublishOptions>>(new NatsOptionsValidator("AuditTrail:Nats")));

        // The audit trail's connection string names where the trail goes: here, the servers (without credentials).
        builder.Services.AddOptions<AuditTrailOptions>().PostConfigure<IOptions<NatsPublishOptions>>((o, n) => o.ConnectionString ??= NatsStreamSetup.Servers(n.Value.Url));
        return builder.UseStore(sp =>
        {
            var nats = sp.GetRequiredService<IOptions<NatsPublishOptions>>().Value;
            var service = sp.GetRequiredService<IOptions<AuditTrailOptions>>().Value.ServiceName!;
            var subject = nats.Subject ?? $"audit.{Token(service)}";
            return NatsStreamSetup.Matches(nats.StreamSubjects, subject)
                ? new NatsAuditStore(nats, subject, service)
                : throw new InvalidOperationException($"AuditTrail:Nats:Subject '{subject}' is not one of the stream's subjects (AuditTrail:Nats:StreamSubjects '{nats.StreamSubjects}'): set Subject.");
        });
    }

    /// <summary>The service name as one subject token: each character other than a letter, a digit, '-' or '_' becomes '-'.</summary>
    private static string Token(string? serviceName) =>
        string.Concat((serviceName ?? "app").Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-'));
}
