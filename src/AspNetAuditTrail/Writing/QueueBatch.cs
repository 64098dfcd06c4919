using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Writing;

/// <summary>
/// The batch the writer has in hand: filled from the queue up to the batch size, or with what came within the flush
/// interval. Its units still count against the queue's byte bound until <see cref="Release"/>, so that a batch being
/// written or retried is memory the bound sees; it outlives a failure of the writer loop, so no unit in hand is lost.
/// </summary>
internal sealed class QueueBatch(AuditQueue queue, int batchSize, TimeSpan flushInterval, TimeProvider time)
{
    private long _bytes;

    public List<AuditUnit> Units { get; } = new(batchSize);

    /// <summary>Takes every queued unit, whatever the batch size (on stop, for the journal).</summary>
    public void TakeAll()
    {
        while (TakeNext())
        {
        }
    }

    /// <summary>Takes what is queued now, up to the batch size, without waiting.</summary>
    public void TakeQueued()
    {
        while (Units.Count < batchSize && TakeNext())
        {
        }
    }

    /// <summary>
    /// Takes what is queued; when that is less than a batch, waits up to the flush interval for the rest (woken once,
    /// when a batch's worth is queued), then takes what is queued.
    /// </summary>
    public async Task FillAsync(CancellationToken abort)
    {
        TakeQueued();
        if (Units.Count >= batchSize || queue.IsCompleted)
        {
            return;
        }

        using var interval = new CancellationTokenSource(flushInterval, time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(interval.Token, queue.CutToken, abort);
        try
        {
            await queue.WaitForBatchAsync(batchSize - Units.Count, wait.Token);
        }
        catch (OperationCanceledException) when (!abort.IsCancellationRequested)
        {
            // The flush interval is over, or a flush asked: write what there is.
        }

        TakeQueued();
    }

    /// <summary>The batch is written or in the journal: it is emptied, and its bytes no longer count against the queue's bound.</summary>
    public void Release()
    {
        queue.Release(_bytes, Units.Count);
        Units.Clear();
        _bytes = 0;
    }

    private bool TakeNext()
    {
        if (!queue.TryRead(out var unit, out var size))
        {
            return false;
        }

        Units.Add(unit);
        _bytes += size;
        return true;
    }
}
