using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Storage;
using AspNetAuditTrail.Writing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Retention;

/// <summary>
/// Applies <c>AuditTrail:Retention</c> every interval (on the app's <see cref="TimeProvider"/>): one app instance at a
/// time (a lease in the audit database, renewed after every batch), in batches, logging its progress and counting
/// what it removed on the meter <c>AspNetAuditTrail</c>.
/// </summary>
internal sealed class AuditRetentionJob(
    IOptionsMonitor<AuditTrailOptions> options, IServiceProvider services, TimeProvider time, AuditMetrics metrics, ILogger<AuditRetentionJob> logger)
    : BackgroundService
{
    /// <summary>The name of the retention lease.</summary>
    public const string LeaseName = "retention";

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);
    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.CurrentValue.Retention.Interval, time, stoppingToken);
                var retention = options.CurrentValue.Retention;
                if (!retention.IsEnabled)
                {
                    continue;
                }

                // Resolved here, not in the constructor: without a store, the start-up check says so, not this job.
                var store = services.GetService<IAuditStore>();
                if (store is not IAuditRetentionStore retaining)
                {
                    if (store is not null)
                    {
                        Log.RetentionUnsupported(logger, store.Identity);
                    }

                    return;
                }

                await RunOnceAsync(retaining, retention, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RunOnceAsync(IAuditRetentionStore retaining, AuditRetentionOptions retention, CancellationToken stoppingToken)
    {
        if (!await retaining.TryAcquireLeaseAsync(LeaseName, _holder, Lease, stoppingToken))
        {
            metrics.RetentionRun("skipped");
            Log.RetentionSkipped(logger);
            return;
        }

        var started = time.GetTimestamp();
        var lastLog = started;
        long removed = 0;
        try
        {
            var plan = AuditPeriodPlan.Create(retention, time.GetUtcNow());
            Log.RetentionStarted(logger, plan.Cuts.Count);
            await retaining.RemoveExpiredAsync(plan, retention.BatchSize, async (batch, cancellationToken) =>
            {
                foreach (var removal in batch)
                {
                    removed += removal.Rows;
                    metrics.RetentionRemoved(removal.Table, removal.Rows);
                }

                if (time.GetElapsedTime(lastLog) >= ProgressEvery && batch.Count > 0)
                {
                    lastLog = time.GetTimestamp();
                    Log.RetentionProgress(logger, removed, batch[^1].Table);
                }

                if (!await retaining.TryAcquireLeaseAsync(LeaseName, _holder, Lease, cancellationToken))
                {
                    throw new InvalidOperationException("The retention lease was taken by another instance while this one ran (a batch took longer than the lease).");
                }
            }, stoppingToken);
            metrics.RetentionRun("completed");
            Log.RetentionCompleted(logger, removed, time.GetElapsedTime(started).TotalSeconds);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            metrics.RetentionRun("failed");
            Log.RetentionFailed(logger, ex, removed);
        }
        finally
        {
            await ReleaseAsync(retaining);
        }
    }

    private async Task ReleaseAsync(IAuditRetentionStore retaining)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await retaining.ReleaseLeaseAsync(LeaseName, _holder, timeout.Token);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or OperationCanceledException)
        {
            // The lease expires on its own.
        }
    }
}
