using AspNetAuditTrail.Events;
using AspNetAuditTrail.Storage;

namespace AspNetAuditTrail.Writing;

/// <summary>The journal's side of <see cref="AuditWriter"/>: replaying what it holds, setting rejected batches aside, saving what a stop leaves.</summary>
internal sealed partial class AuditWriter
{
    /// <summary>Puts the batches in hand and everything still queued in the journal, in their order.</summary>
    private void SaveQueued()
    {
        _ahead.TakeAll();
        foreach (var batch in new[] { _batch, _ahead })
        {
            if (batch.Units.Count > 0 && !_journal.Append(batch.Units, "shutdown"))
            {
                Log.ShutdownDropped(_logger, batch.Units.Count);
            }

            batch.Release();
        }
    }

    /// <summary>
    /// Waits for queued units. While the journal holds units that a replay could not write, the replay is tried again
    /// every <see cref="Configuration.AuditTrailOptions.CircuitBreakDuration"/>, so that an app gone quiet still sends them.
    /// </summary>
    private async ValueTask<bool> WaitForUnitsAsync()
    {
        while (_journal.Size > 0)
        {
            using var later = new CancellationTokenSource(_options.CircuitBreakDuration, _time);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token, later.Token);
            try
            {
                return await _queue.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!_abort.IsCancellationRequested)
            {
                await TryReplayAsync();
            }
        }

        return await _queue.WaitToReadAsync(_abort.Token);
    }

    /// <summary>Writes what the journal holds, oldest first; on failure it stays there for the next try.</summary>
    private async Task TryReplayAsync()
    {
        var replayed = 0;
        try
        {
            var bytes = _journal.Size == 0 ? 0 : _journal.BeginReplay();
            if (bytes == 0)
            {
                return;
            }

            Log.Replaying(_logger, bytes);

            // A batch at a time (bounded by count and by size, as the queue is); after a failure the next try starts
            // over, and ids already stored are skipped.
            foreach (var chunk in _journal.ReadReplayBatches(_options.BatchSize, _options.QueueCapacityBytes / 4))
            {
                // Units sealed before they were journaled keep their place; others (spilled from the queue) join the chain now.
                _chain.Seal(chunk);
                try
                {
                    await _retry.ExecuteAsync(static (state, token) => state.Writer.WriteOnceAsync(state.Chunk, token), (Writer: this, Chunk: chunk), _abort.Token);
                }
                catch (AuditBatchRejectedException ex) when (!_abort.IsCancellationRequested)
                {
                    SetAside(chunk, ex);
                }

                _chain.Settle(chunk);
                replayed += chunk.Count;
            }

            _journal.EndReplay(replayed);
        }
        catch (Exception ex) when (!_abort.IsCancellationRequested)
        {
            _status.Noted(ex);
            Log.ReplayFailed(_logger, ex, replayed);
        }
    }

    /// <summary>A batch the store rejected for good: not retried, but logged with the store's reason and kept in the rejected file.</summary>
    private void SetAside(IReadOnlyList<AuditUnit> batch, AuditBatchRejectedException rejection)
    {
        _metrics.WriteFailed();
        _status.Noted(rejection);
        Log.BatchRejected(_logger, rejection.Message, batch.Count, _journal.RejectedPath);
        _journal.SetAside(batch.ToArray());
    }
}
