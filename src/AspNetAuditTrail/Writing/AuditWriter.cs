using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace AspNetAuditTrail.Writing;

/// <summary>
/// The background writer: takes batches from the queue (by size, or after the flush interval), writes each in one
/// transaction, retries a failed batch (<see cref="WritePolicy"/>), puts what the store will not take in the journal
/// and replays it once the store is back, and on stop drains the queue. With integrity on, the next batch is taken and
/// sealed while one is written, so that sealing does not hold the writer up.
/// </summary>
internal sealed partial class AuditWriter : IHostedService, IAsyncDisposable
{
    private readonly AuditQueue _queue;
    private readonly AuditJournal _journal;
    private readonly IServiceProvider _services;
    private readonly AuditTrailOptions _options;
    private readonly TimeProvider _time;
    private readonly AuditMetrics _metrics;
    private readonly AuditTrailStatus _status;
    private readonly ILogger<AuditWriter> _logger;
    private readonly ResiliencePipeline _retry;
    private readonly CancellationTokenSource _abort = new();
    private readonly CancellationTokenSource _stopping = new();
    private QueueBatch _batch;
    private QueueBatch _ahead;
    private readonly AuditChain _chain;
    private IAuditStore? _store;
    private Task _loop = Task.CompletedTask;
    private AuditSchema? _schema;
    private bool _disposed;

    public AuditWriter(
        AuditQueue queue,
        AuditJournal journal,
        IServiceProvider services,
        IOptions<AuditTrailOptions> options,
        TimeProvider time,
        AuditMetrics metrics,
        AuditTrailStatus status,
        AuditChain chain,
        ILogger<AuditWriter> logger)
    {
        _chain = chain;
        _status = status;
        _queue = queue;
        _journal = journal;
        _services = services;
        _options = options.Value;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _batch = new QueueBatch(queue, _options.BatchSize, _options.FlushInterval, time);
        _ahead = new QueueBatch(queue, _options.BatchSize, _options.FlushInterval, time);
        _retry = WritePolicy.Build(_options, _time, _abort, _status, _metrics, _logger);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _store = _services.GetService<IAuditStore>() ?? throw new InvalidOperationException(AuditJournal.NoStore);
        _schema = _services.GetRequiredService<AuditSchema>();
        _chain.Start(_store);
        _loop = Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_disposed)
        {
            return;
        }

        _queue.Complete();
        await _stopping.CancelAsync();
        try
        {
            await _loop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await _abort.CancelAsync();
            await _loop;
        }

        await _queue.CompleteSpillsAsync();
        await _chain.FinalAsync();
    }

    /// <summary>Runs the loop; a failure of the loop itself is logged, shows in health, and the loop starts again.</summary>
    private async Task RunAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RunLoopAsync();
                return;
            }
            catch (Exception ex) when (!_abort.IsCancellationRequested)
            {
                _status.Faulted(ex);
                Log.WriterLoopFailed(_logger, ex, attempt);
                if (_stopping.IsCancellationRequested)
                {
                    SaveQueued();
                    return;
                }

                try
                {
                    await Task.Delay(TimeSpan.FromTicks(_options.RetryDelay.Ticks * Math.Min(attempt, 30)), _time, _stopping.Token);
                }
                catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
                {
                    // Stopping: one last run drains the queue.
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RunLoopAsync()
    {
        await TryEnsureSchemaAsync();
        await TryReplayAsync();
        _status.Recovered();
        try
        {
            // Batches still in hand when the loop failed are written first, in their order.
            if (_batch.Units.Count == 0)
            {
                (_batch, _ahead) = (_ahead, _batch);
            }

            while (_batch.Units.Count > 0 || await WaitForUnitsAsync())
            {
                await _batch.FillAsync(_abort.Token);
                _chain.Seal(_batch.Units);
                var ahead = _chain.IsSealing ? Task.Run(SealAhead, CancellationToken.None) : Task.CompletedTask;
                try
                {
                    await WriteAsync(_batch.Units);
                }
                finally
                {
                    await ahead;
                }

                _chain.Settle(_batch.Units);
                _batch.Release();
                (_batch, _ahead) = (_ahead, _batch);
                await _chain.CheckpointIfDueAsync(_abort.Token);
            }
        }
        catch (Exception) when (_abort.IsCancellationRequested)
        {
            // Stopped before everything was written: the journal keeps the rest for the next start.
            SaveQueued();
        }
    }

    /// <summary>Takes what is queued for the next batch and seals it, while the batch in hand is written.</summary>
    private void SealAhead()
    {
        _ahead.TakeQueued();
        _chain.Seal(_ahead.Units, parallel: false);
    }

    private async Task TryEnsureSchemaAsync()
    {
        try
        {
            await _schema!.EnsureAsync(_abort.Token);
        }
        catch (Exception ex) when (!_abort.IsCancellationRequested)
        {
            Log.SchemaFailed(_logger, ex);
        }
    }

    private async Task WriteAsync(List<AuditUnit> batch)
    {
        while (!await TryWriteAsync(batch))
        {
            if (_journal.Refusal is null)
            {
                // The store stays down past the retries: the batch waits in the journal for it to come back.
                Log.BatchSpilled(_logger, batch.Count, _options.MaxWriteRetries + 1);
                _journal.Append(batch, "write_failed");
                return;
            }

            // No journal to hold it: the batch stays in memory and is tried again, while the queue fills behind it,
            // until the app stops.
            if (_stopping.IsCancellationRequested)
            {
                _journal.Append(batch, "shutdown");
                return;
            }

            Log.BatchHeld(_logger, batch.Count, _options.CircuitBreakDuration);
            try
            {
                await Task.Delay(_options.CircuitBreakDuration, _time, _stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // Stopping: one last attempt, then the batch is given up (counted and logged).
            }
        }
    }

    private async Task<bool> TryWriteAsync(List<AuditUnit> batch)
    {
        var started = _time.GetTimestamp();
        var context = ResilienceContextPool.Shared.Get(_abort.Token);
        context.Properties.Set(WritePolicy.BatchCountKey, batch.Count);
        try
        {
            await _retry.ExecuteAsync(
                static (ctx, state) => state.Writer.WriteOnceAsync(state.Batch, ctx.CancellationToken),
                context,
                (Writer: this, Batch: batch));
            _metrics.Written(batch.Count, _time.GetElapsedTime(started));
            _status.Written();
        }
        catch (AuditBatchRejectedException ex) when (!_abort.IsCancellationRequested)
        {
            SetAside(batch, ex);
            return true;
        }
        catch (Exception ex) when (!_abort.IsCancellationRequested)
        {
            _metrics.WriteFailed();
            _status.BatchFailed(ex);
            Log.BatchFailed(_logger, ex, batch.Count, _options.MaxWriteRetries + 1);
            return false;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        await TryReplayAsync();
        return true;
    }

    private async ValueTask WriteOnceAsync(IReadOnlyList<AuditUnit> batch, CancellationToken cancellationToken)
    {
        await _schema!.EnsureAsync(cancellationToken);
        await _store!.WriteAsync(batch, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _queue.Complete();
        await _stopping.CancelAsync();
        await _abort.CancelAsync();
        await _loop.ConfigureAwait(false);
        await _queue.CompleteSpillsAsync();
        _abort.Dispose();
        _stopping.Dispose();
    }
}
