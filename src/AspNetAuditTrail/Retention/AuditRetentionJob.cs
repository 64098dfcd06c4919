using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Storage;
using AspNetAuditTrail.Writing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Retention;

/// <summary>
/// Applies <c>AuditTrail:Retention</c>, then <c>AuditTrail:Anonymization</c>, every retention interval (on the app's
/// <see cref="TimeProvider"/>): one app instance at a time (a lease in the audit database, renewed after every batch), in
/// batches, logging its progress and counting what it removed and anonymised on the meter <c>AspNetAuditTrail</c>.
/// </summary>
internal sealed class AuditRetentionJob(
    IOptionsMonitor<AuditTrailOptions> options, IServiceProvider services, TimeProvider time, AuditMetrics metrics, AuditChain chain, ILogger<AuditRetentionJob> logger)
    : BackgroundService
{
    /// <summary>The name of the retention lease.</summary>
    public const string LeaseName = "retention";

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FirstRunAfter = TimeSpan.FromMinutes(1);
    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // The first run comes soon after start, so that an app restarted more often than the interval still runs it.
            var wait = Min(options.CurrentValue.Retention.Interval, FirstRunAfter);
            while (true)
            {
                await Task.Delay(wait, time, stoppingToken);
                wait = options.CurrentValue.Retention.Interval;
                var current = options.CurrentValue;
                if (!current.Retention.IsEnabled && !current.Anonymization.IsEnabled)
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

                await RunOnceAsync(retaining, current, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RunOnceAsync(IAuditRetentionStore retaining, AuditTrailOptions current, CancellationToken stoppingToken)
    {
        if (!await retaining.TryAcquireLeaseAsync(LeaseName, _holder, Lease, stoppingToken))
        {
            metrics.RetentionRun("skipped");
            Log.RetentionSkipped(logger);
            return;
        }

        var started = time.GetTimestamp();
        var lastLog = started;
        long removed = 0, anonymized = 0;
        Func<IReadOnlyList<AuditRowCount>, CancellationToken, Task> AfterBatch(Action<AuditRowCount> count) => async (batch, cancellationToken) =>
        {
            foreach (var rows in batch)
            {
                count(rows);
            }

            if (time.GetElapsedTime(lastLog) >= ProgressEvery && batch.Count > 0)
            {
                lastLog = time.GetTimestamp();
                Log.RetentionProgress(logger, removed, anonymized, batch[^1].Table);
            }

            if (!await retaining.TryAcquireLeaseAsync(LeaseName, _holder, Lease, cancellationToken))
            {
                throw new InvalidOperationException("The retention lease was taken by another instance while this one ran (a batch took longer than the lease).");
            }

            if (current.Retention.PauseBetweenBatches > TimeSpan.Zero)
            {
                await Task.Delay(current.Retention.PauseBetweenBatches, time, cancellationToken);
            }
        };

        try
        {
            var (retention, anonymization) = (current.Retention, current.Anonymization);
            if (retention.IsEnabled)
            {
                var plan = AuditPeriodPlan.Create(retention, time.GetUtcNow());
                Log.RetentionStarted(logger, plan.Cuts.Count);
                await chain.SignRetentionAsync(retaining, plan, stoppingToken);
                await retaining.RemoveExpiredAsync(plan, retention.BatchSize, AfterBatch(r =>
                {
                    removed += r.Rows;
                    metrics.RetentionRemoved(r.Table, r.Rows);
                }), stoppingToken);
            }

            if (anonymization.IsEnabled && retaining is IAuditPersonalDataStore personal)
            {
                var plan = AuditPeriodPlan.Create(anonymization, new Dictionary<string, AuditPeriods>(), time.GetUtcNow());
                await personal.AnonymizeExpiredAsync(plan, AuditPseudonymizer.FromOptions(anonymization), retention.BatchSize, AfterBatch(r =>
                {
                    anonymized += r.Rows;
                    metrics.Anonymized(r.Table, r.Rows);
                }), stoppingToken);
            }

            metrics.RetentionRun("completed");
            Log.RetentionCompleted(logger, removed, anonymized, time.GetElapsedTime(started).TotalSeconds);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            metrics.RetentionRun("failed");
            Log.RetentionFailed(logger, ex, removed, anonymized);
        }
        finally
        {
            await ReleaseAsync(retaining);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

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
