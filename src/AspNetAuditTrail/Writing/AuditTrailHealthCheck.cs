using AspNetAuditTrail.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AspNetAuditTrail.Writing;

/// <summary>
/// The audit trail's health: Unhealthy when the store cannot be reached; Degraded when events wait in the
/// journal or the queue is more than 80 % full; Healthy otherwise. Reports the queue depth and the journal size.
/// </summary>
internal sealed class AuditTrailHealthCheck(IAuditStore store, AuditQueue queue, AuditJournal journal) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["queueDepth"] = queue.Depth,
            ["queueCapacity"] = queue.Capacity,
            ["journalBytes"] = journal.Size,
        };
        try
        {
            await store.PingAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The audit store cannot be reached: events wait in the queue and the journal.", ex, data);
        }

        if (journal.Size > 0)
        {
            return HealthCheckResult.Degraded("Audit events wait in the journal for the store.", data: data);
        }

        return queue.Depth > queue.Capacity * 0.8
            ? HealthCheckResult.Degraded("The audit queue is more than 80 % full.", data: data)
            : HealthCheckResult.Healthy("The audit store is reachable and the queue keeps up.", data);
    }
}
