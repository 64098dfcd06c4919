using System.Threading.Channels;
using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Writing;

/// <summary>
/// Takes the single units a full queue spills and appends them to the journal in batches, off the request thread:
/// a request never opens the journal or waits behind another one's write. When even this hand-over is full (the disk
/// is slower than the requests; bounded by count and by size), the unit is appended on the caller's thread, so nothing
/// is lost and memory stays bounded.
/// </summary>
internal sealed class JournalSpiller
{
    private const int MaxBatch = 1_000;
    private const long MaxBatchBytes = 4 * 1024 * 1024;

    private readonly Channel<(AuditUnit Unit, long Size)> _pending = Channel.CreateUnbounded<(AuditUnit, long)>(new UnboundedChannelOptions
    {
        SingleReader = true,
    });

    private readonly AuditJournal _journal;
    private readonly long _maxBytes;
    private readonly Task _loop;
    private long _bytes;

    public JournalSpiller(AuditJournal journal, long maxBytes)
    {
        _journal = journal;
        _maxBytes = maxBytes;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Hands the unit to the spill writer, or appends it at once when the hand-over is full; false when the journal refused it (counted there).</summary>
    public bool Spill(AuditUnit unit, long size)
    {
        if (Interlocked.Add(ref _bytes, size) <= _maxBytes && _pending.Writer.TryWrite((unit, size)))
        {
            return true;
        }

        Interlocked.Add(ref _bytes, -size);
        return _journal.Append([unit], "queue_full", flushToDisk: false);
    }

    /// <summary>Writes what is still pending, then stops.</summary>
    public Task CompleteAsync()
    {
        _pending.Writer.TryComplete();
        return _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<AuditUnit>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync())
        {
            long bytes = 0;
            while (batch.Count < MaxBatch && bytes < MaxBatchBytes && _pending.Reader.TryRead(out var item))
            {
                batch.Add(item.Unit);
                bytes += item.Size;
            }

            // Written to the operating system, not flushed to the disk each time: a batch of spills per write.
            _journal.Append(batch, "queue_full", flushToDisk: false);
            Interlocked.Add(ref _bytes, -bytes);
            batch.Clear();
        }
    }
}
