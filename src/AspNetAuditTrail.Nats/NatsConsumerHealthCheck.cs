using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Nats;

/// <summary>
/// The collector's JetStream consumer: Unhealthy when it has not reached the servers for three timeouts, Degraded
/// while writing fails or the backlog is above <c>MaxHealthyLag</c>; the data gives the lag and the counts.
/// </summary>
internal sealed class NatsConsumerHealthCheck(NatsConsumerState state, IOptions<NatsConsumeOptions> options, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var data = new Dictionary<string, object>
        {
            ["stream"] = o.Stream,
            ["consumer"] = o.Consumer,
            ["lag"] = state.Lag ?? -1,
            ["written"] = state.Written,
            ["refused"] = state.Refused,
            ["redelivered"] = state.Redelivered,
        };
        if (state.LastContact is { } contact)
        {
            data["lastContact"] = contact;
        }

        var silent = state.LastContact is not { } last || time.GetUtcNow() - last > o.Timeout * 3;
        var result = silent
            ? new HealthCheckResult(context.Registration.FailureStatus, $"The JetStream servers have not answered lately: {state.LastError ?? "not reached yet"}.", data: data)
            : state.LastError is { } error
                ? HealthCheckResult.Degraded($"Writing what JetStream delivers fails: {error}", data: data)
                : state.Lag > o.MaxHealthyLag
                    ? HealthCheckResult.Degraded($"{state.Lag:N0} audit messages wait in the stream (more than {o.MaxHealthyLag:N0}).", data: data)
                    : HealthCheckResult.Healthy($"{state.Lag ?? 0:N0} audit message(s) waiting.", data);
        return Task.FromResult(result);
    }
}
