using System.Globalization;
using AspNetAuditTrail.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AspNetAuditTrail.Writing;

/// <summary>
/// The audit trail's health, from what happened and not only from a ping: Unhealthy while events are being lost
/// (dropped in the last five minutes, a journal that is refused, a writer loop that failed); Degraded while they go
/// to the journal (spilled lately, waiting in it, failing batches, an open circuit, an unreachable store) or the
/// queue is more than 80 % full; Healthy otherwise. Every fact is named in the data.
/// </summary>
internal sealed class AuditTrailHealthCheck(
    IAuditStore store, AuditQueue queue, AuditJournal journal, AuditMetrics metrics, AuditTrailStatus status, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        string? unreachable = null;
        try
        {
            await store.PingAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            unreachable = $"{ex.GetType().Name}: {ex.Message}";
        }

        var journalBytes = journal.Size;
        var dropped = metrics.RecentlyDropped.Total;
        var spilled = metrics.RecentlySpilled.Total;
        var data = new Dictionary<string, object>
        {
            ["storeReachable"] = unreachable is null,
            ["queueDepth"] = queue.Depth,
            ["queueCapacity"] = queue.Capacity,
            ["journalBytes"] = journalBytes,
            ["journal"] = journal.Refusal ?? "in use",
            ["journalLastFailureAt"] = journal.LastFailure?.ToString("O", CultureInfo.InvariantCulture) ?? "never",
            ["droppedLast5Minutes"] = dropped,
            ["spilledLast5Minutes"] = spilled,
            ["consecutiveFailedBatches"] = status.ConsecutiveFailedBatches,
            ["circuitOpen"] = status.CircuitOpen,
            ["writer"] = status.WriterFault is { } fault ? "recovering from " + fault : "running",
        };
        if (status.LastWriteAt is { } lastWrite)
        {
            data["lastWriteAt"] = lastWrite.ToString("O", CultureInfo.InvariantCulture);
            data["lastWriteAgeSeconds"] = Math.Round((time.GetUtcNow() - lastWrite).TotalSeconds, 1);
        }

        if (status.LastFailure is { } failure)
        {
            data["lastFailure"] = failure;
            data["lastFailureAt"] = status.LastFailureAt!.Value.ToString("O", CultureInfo.InvariantCulture);
        }

        if (unreachable is not null)
        {
            data["storeError"] = unreachable;
        }

        string? lost = dropped > 0 ? $"{dropped} audit events were dropped in the last 5 minutes."
            : journal.Refusal is not null ? "The audit journal is refused: " + journal.Refusal
            : status.WriterFault is not null ? "The audit writer failed and is recovering: " + status.WriterFault
            : null;
        if (lost is not null)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, lost, data: data);
        }

        string? degraded = unreachable is not null ? "The audit store cannot be reached: events go to the journal."
            : status.CircuitOpen ? "The audit store keeps failing: batches go straight to the journal."
            : status.ConsecutiveFailedBatches > 0 ? $"{status.ConsecutiveFailedBatches} audit batches in a row failed."
            : spilled > 0 ? $"{spilled} audit events went to the journal in the last 5 minutes."
            : journalBytes > 0 ? "Audit events wait in the journal for the store."
            : queue.Depth > queue.Capacity * 0.8 ? "The audit queue is more than 80 % full."
            : null;
        return degraded is not null
            ? HealthCheckResult.Degraded(degraded, data: data)
            : HealthCheckResult.Healthy("The audit store is reachable and every event is written.", data);
    }
}
