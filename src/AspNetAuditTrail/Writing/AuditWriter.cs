using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace AspNetAuditTrail.Writing;

/// <summary>
/// The background writer: takes batches from the queue (by size, or after the flush interval), writes each
/// in one transaction, retries a failed batch with exponential backoff and, on stop, drains the queue.
/// </summary>
internal sealed class AuditWriter : IHostedService, IAsyncDisposable
{
    private static readonly ResiliencePropertyKey<int> BatchCountKey = new("audit.batch.count");

    private readonly AuditQueue _queue;
    private readonly AuditJournal _journal;
    private readonly IServiceProvider _services;
    private readonly AuditTrailOptions _options;
    private readonly TimeProvider _time;
    private readonly AuditMetrics _metrics;
    private readonly ILogger<AuditWriter> _logger;
    private readonly ResiliencePipeline _retry;
    private readonly CancellationTokenSource _abort = new();
    private IAuditStore? _store;
    private Task _loop = Task.CompletedTask;
    private bool _schemaReady;

    public AuditWriter(
        AuditQueue queue,
        AuditJournal journal,
        IServiceProvider services,
        IOptions<AuditTrailOptions> options,
        TimeProvider time,
        AuditMetrics metrics,
        ILogger<AuditWriter> logger)
    {
        _queue = queue;
        _journal = journal;
        _services = services;
        _options = options.Value;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _retry = BuildRetry();
    }

    private ResiliencePipeline BuildRetry()
    {
        var shouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException || !_abort.IsCancellationRequested);
        var builder = new ResiliencePipelineBuilder { TimeProvider = _time };

        // Outside the retries: once batches keep failing after theirs, the circuit opens and the next batches
        // go straight to the journal instead of waiting through retries of their own; it half-opens to try again.
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = 1.0,
            MinimumThroughput = 2,
            SamplingDuration = TimeSpan.FromMinutes(5),
            BreakDuration = _options.CircuitBreakDuration,
            ShouldHandle = shouldHandle,
            OnOpened = args =>
            {
                Log.CircuitOpened(_logger, args.BreakDuration);
                return default;
            },
        });
        if (_options.MaxWriteRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = _options.MaxWriteRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = _options.RetryDelay,
                UseJitter = false,
                ShouldHandle = shouldHandle,
                OnRetry = args =>
                {
                    _metrics.WriteFailed();
                    Log.WriteRetry(_logger, args.Outcome.Exception!, args.Context.Properties.GetValue(BatchCountKey, 0), args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            });
        }

        return builder.Build();
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _store = _services.GetService<IAuditStore>() ?? throw new InvalidOperationException(AuditJournal.NoStore);
        _loop = Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Complete();
        try
        {
            await _loop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await _abort.CancelAsync();
            await _loop;
        }
    }

    private async Task RunAsync()
    {
        if (_options.AutoCreateSchema)
        {
            await TryEnsureSchemaAsync();
        }

        await TryReplayAsync();
        var reader = _queue.Reader;
        var batch = new List<AuditUnit>(_options.BatchSize);
        try
        {
            while (await reader.WaitToReadAsync(_abort.Token))
            {
                await FillAsync(batch);
                await WriteAsync(batch);
                batch.Clear();
            }
        }
        catch (Exception) when (_abort.IsCancellationRequested)
        {
            // Stopped before everything was written: the journal keeps the rest for the next start.
            while (reader.TryRead(out var unit))
            {
                batch.Add(unit);
            }

            if (!_journal.Append(batch, "shutdown"))
            {
                Log.ShutdownDropped(_logger, batch.Count);
            }
        }
    }

    private async Task TryEnsureSchemaAsync()
    {
        try
        {
            await _store!.EnsureSchemaAsync(_abort.Token);
            _schemaReady = true;
        }
        catch (Exception ex) when (!_abort.IsCancellationRequested)
        {
            Log.SchemaFailed(_logger, ex);
        }
    }

    /// <summary>Takes what is queued; when that is less than a batch, waits up to the flush interval for more.</summary>
    private async Task FillAsync(List<AuditUnit> batch)
    {
        var reader = _queue.Reader;
        while (batch.Count < _options.BatchSize && reader.TryRead(out var unit))
        {
            batch.Add(unit);
        }

        if (batch.Count >= _options.BatchSize || _queue.IsCompleted)
        {
            return;
        }

        using var interval = new CancellationTokenSource(_options.FlushInterval, _time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(interval.Token, _abort.Token);
        try
        {
            while (batch.Count < _options.BatchSize && await reader.WaitToReadAsync(wait.Token))
            {
                while (batch.Count < _options.BatchSize && reader.TryRead(out var unit))
                {
                    batch.Add(unit);
                }
            }
        }
        catch (OperationCanceledException) when (interval.IsCancellationRequested && !_abort.IsCancellationRequested)
        {
            // The flush interval is over: write what there is.
        }
    }

    private async Task WriteAsync(List<AuditUnit> batch)
    {
        var started = _time.GetTimestamp();
        var context = ResilienceContextPool.Shared.Get(_abort.Token);
        context.Properties.Set(BatchCountKey, batch.Count);
        try
        {
            await _retry.ExecuteAsync(
                static (ctx, state) => state.Writer.WriteOnceAsync(state.Batch, ctx.CancellationToken),
                context,
                (Writer: this, Batch: batch));
            _metrics.Written(batch.Count, _time.GetElapsedTime(started));
            await TryReplayAsync();
        }
        catch (Exception ex) when (!_abort.IsCancellationRequested)
        {
            // The store stays down past the retries: the batch waits in the journal for it to come back.
            _metrics.WriteFailed();
            Log.BatchSpilled(_logger, ex, batch.Count, _options.MaxWriteRetries + 1);
            _journal.Append(batch, "write_failed");
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Writes what the journal holds, oldest first; on failure it stays there for the next try.</summary>
    private async Task TryReplayAsync()
    {
        if (_journal.Size == 0)
        {
            return;
        }

        var bytes = _journal.BeginReplay();
        if (bytes == 0)
        {
            return;
        }

        Log.Replaying(_logger, bytes);
        var replayed = 0;
        try
        {
            // A batch at a time; after a failure the next try starts over, and ids already stored are skipped.
            foreach (var chunk in _journal.ReadReplay().Chunk(_options.BatchSize))
            {
                await _retry.ExecuteAsync(static (state, token) => state.Writer.WriteOnceAsync(state.Chunk, token), (Writer: this, Chunk: chunk), _abort.Token);
                replayed += chunk.Length;
            }

            _journal.EndReplay(replayed);
        }
        catch (Exception ex) when (!_abort.IsCancellationRequested)
        {
            Log.ReplayFailed(_logger, ex, replayed);
        }
    }

    private async ValueTask WriteOnceAsync(IReadOnlyList<AuditUnit> batch, CancellationToken cancellationToken)
    {
        if (_options.AutoCreateSchema && !_schemaReady)
        {
            await _store!.EnsureSchemaAsync(cancellationToken);
            _schemaReady = true;
        }

        await _store!.WriteAsync(batch, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Complete();
        await _abort.CancelAsync();
        await _loop.ConfigureAwait(false);
        _abort.Dispose();
    }
}
