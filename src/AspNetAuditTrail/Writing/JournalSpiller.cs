using System.Threading.Channels;
using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Writing;

/// <summary>
/// Takes the single units a full queue spills and appends them to the journal in batches, off the request thread:
/// a request never opens the journal or waits behind another one's write. When even this hand-over is full (the disk
/// is slower than the requests), the unit is appended on the caller's thread, so nothing is lost.
/// </summary>
internal sealed class JournalSpiller
{
    private const int Capacity = 10_000;
    private const int MaxBatch = 1_000;

    private readonly Channel<AuditUnit> _pending = Channel.CreateBounded<AuditUnit>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly AuditJournal _journal;
    private readonly Task _loop;

    public JournalSpiller(AuditJournal journal)
    {
        _journal = journal;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Hands the unit to the spill writer; false when the journal refused it at once (counted there).</summary>
    public bool Spill(AuditUnit unit) =>
        _pending.Writer.TryWrite(unit) || _journal.Append([unit], "queue_full", flushToDisk: false);

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
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var unit))
            {
                batch.Add(unit);
            }

            // Written to the operating system, not flushed to the disk each time: a batch of spills per write.
            _journal.Append(batch, "queue_full", flushToDisk: false);
            batch.Clear();
        }
    }
}
