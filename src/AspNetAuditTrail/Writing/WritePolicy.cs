using AspNetAuditTrail.Storage;
using AspNetAuditTrail.Configuration;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace AspNetAuditTrail.Writing;

/// <summary>How the writer retries a batch (exponential backoff) and when it stops trying for a while (a circuit breaker).</summary>
internal static class WritePolicy
{
    /// <summary>The batch's size, for the retry log line.</summary>
    public static readonly ResiliencePropertyKey<int> BatchCountKey = new("audit.batch.count");

    public static ResiliencePipeline Build(
        AuditTrailOptions options, TimeProvider time, CancellationTokenSource abort, AuditTrailStatus status, AuditMetrics metrics, ILogger logger)
    {
        var shouldHandle = new PredicateBuilder().Handle<Exception>(ex =>
            ex is not AuditBatchRejectedException && (ex is not OperationCanceledException || !abort.IsCancellationRequested));
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };

        // Outside the retries: once batches keep failing after theirs, the circuit opens and the next batches
        // go straight to the journal instead of waiting through retries of their own; it half-opens to try again.
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = 1.0,
            MinimumThroughput = 2,
            SamplingDuration = TimeSpan.FromMinutes(5),
            BreakDuration = options.CircuitBreakDuration,
            ShouldHandle = shouldHandle,
            OnOpened = args =>
            {
                status.CircuitOpen = true;
                Log.CircuitOpened(logger, args.BreakDuration);
                return default;
            },
            OnClosed = _ =>
            {
                status.CircuitOpen = false;
                return default;
            },
        });
        if (options.MaxWriteRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxWriteRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = options.RetryDelay,
                UseJitter = false,
                ShouldHandle = shouldHandle,
                OnRetry = args =>
                {
                    metrics.WriteFailed();
                    status.Noted(args.Outcome.Exception!);
                    Log.WriteRetry(logger, args.Outcome.Exception!, args.Context.Properties.GetValue(BatchCountKey, 0), args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            });
        }

        return builder.Build();
    }
}
