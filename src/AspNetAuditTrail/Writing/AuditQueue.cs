using System.Threading.Channels;
using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Writing;

/// <summary>
/// The queue between the requests and the writer, bounded by count (<see cref="AuditTrailOptions.QueueCapacity"/>) and
/// by size (<see cref="AuditTrailOptions.QueueCapacityBytes"/>). When it is full, <see cref="AuditOverflowPolicy"/>
/// decides: the unit goes to the journal through the <see cref="JournalSpiller"/>, waits asynchronously for room
/// (<see cref="AuditOverflowPolicy.Block"/>, requests only), or is dropped, logged and counted.
/// </summary>
internal sealed class AuditQueue
{
    private readonly Channel<(AuditUnit Unit, long Size)> _channel;
    private readonly int _capacity;
    private readonly long _capacityBytes;
    private readonly AuditMetrics _metrics;
    private readonly ILogger<AuditQueue> _logger;
    private readonly AuditJournal _journal;
    private readonly JournalSpiller _spiller;
    private readonly AuditOverflowPolicy _overflow;
    private readonly TimeSpan _blockTimeout;
    private long _bytes;
    private int _waiting;
    private TaskCompletionSource _roomMade = NewSignal();
    private TaskCompletionSource _batchReady = NewSignal();
    private int _wanted;
    private long _accepted;
    private long _done;
    private CancellationTokenSource _cut = new();

    public AuditQueue(IOptions<AuditTrailOptions> options, AuditJournal journal, AuditMetrics metrics, ILogger<AuditQueue> logger)
    {
        _capacity = options.Value.QueueCapacity;
        _capacityBytes = options.Value.QueueCapacityBytes;
        _overflow = options.Value.OverflowPolicy;
        _blockTimeout = options.Value.BlockTimeout;
        _journal = journal;
        _spiller = new JournalSpiller(journal, _capacityBytes / 4);
        _metrics = metrics;
        _logger = logger;
        _channel = Channel.CreateBounded<(AuditUnit, long)>(new BoundedChannelOptions(_capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Units waiting for the writer.</summary>
    public int Depth => _channel.Reader.Count;

    /// <summary>How many units the queue holds at most.</summary>
    public int Capacity => _capacity;

    /// <summary>The estimated bytes the waiting units hold.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>True once <see cref="Complete"/> was called.</summary>
    public bool IsCompleted { get; private set; }

    /// <summary>Hands a unit to the writer without waiting: when the queue is full, the journal or the drop count takes it. False when it was dropped.</summary>
    public bool Enqueue(AuditUnit unit)
    {
        var size = UnitSize.Estimate(unit);
        return TryAdd(unit, size) || Overflow(unit, size);
    }

    /// <summary>
    /// Hands a request's unit to the writer; with <see cref="AuditOverflowPolicy.Block"/> a full queue is waited on
    /// asynchronously, up to <see cref="AuditTrailOptions.BlockTimeout"/>, before the unit goes to the journal.
    /// </summary>
    public ValueTask<bool> EnqueueAsync(AuditUnit unit, CancellationToken cancellationToken)
    {
        var size = UnitSize.Estimate(unit);
        if (TryAdd(unit, size))
        {
            return ValueTask.FromResult(true);
        }

        return _overflow == AuditOverflowPolicy.Block && !IsCompleted
            ? WaitForRoomAsync(unit, size, cancellationToken)
            : ValueTask.FromResult(Overflow(unit, size));
    }

    /// <summary>
    /// Takes the oldest waiting unit, for the writer. Its <paramref name="size"/> still counts against the byte bound
    /// until the writer <see cref="Release"/>s it: a batch being written or retried is memory the queue holds too.
    /// </summary>
    public bool TryRead(out AuditUnit unit, out long size)
    {
        if (_channel.Reader.TryRead(out var item))
        {
            (unit, size) = item;
            return true;
        }

        (unit, size) = (null!, 0);
        return false;
    }

    /// <summary>Cancelled when a flush asks the writer not to wait for the flush interval.</summary>
    public CancellationToken CutToken => Volatile.Read(ref _cut).Token;

    /// <summary>The writer is done with this many units of this many bytes (written, or in the journal): room for new ones.</summary>
    public void Release(long size, int units = 1)
    {
        Interlocked.Add(ref _done, units);
        Interlocked.Add(ref _bytes, -size);
        if (Volatile.Read(ref _waiting) > 0)
        {
            Interlocked.Exchange(ref _roomMade, NewSignal()).TrySetResult();
        }
    }

    /// <summary>
    /// Has the writer write what is queued now, without waiting for the flush interval, and returns once every unit
    /// queued before the call is written (or in the journal): how many there were.
    /// </summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        var target = Interlocked.Read(ref _accepted);
        var start = Interlocked.Read(ref _done);
        while (Interlocked.Read(ref _done) < target)
        {
            await Interlocked.Exchange(ref _cut, new CancellationTokenSource()).CancelAsync();
            await Task.Delay(10, cancellationToken);
        }

        return (int)Math.Max(0, target - start);
    }

    /// <summary>
    /// Waits until the queue holds <paramref name="count"/> units (a batch), or half its byte bound, or is completed:
    /// one wake-up of the writer for a batch, not one for each unit that comes in.
    /// </summary>
    public async Task WaitForBatchAsync(int count, CancellationToken cancellationToken)
    {
        var ready = NewSignal();
        Volatile.Write(ref _batchReady, ready);
        Volatile.Write(ref _wanted, Math.Clamp(count, 1, _capacity));
        try
        {
            // Checked after the wish is published, so a unit that came in meanwhile is not missed.
            if (!IsCompleted && !BatchReady(Volatile.Read(ref _wanted)))
            {
                await ready.Task.WaitAsync(cancellationToken);
            }
        }
        finally
        {
            Volatile.Write(ref _wanted, 0);
        }
    }

    /// <summary>Waits until a unit can be read; false once the queue is completed and empty.</summary>
    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken) => _channel.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>Counts and logs an event that could not even be built.</summary>
    public void CountLost(Exception exception, string method, string path)
    {
        _metrics.Dropped(1, "build_failed");
        Log.EventLost(_logger, exception, method, path);
    }

    /// <summary>Accepts no more units; the writer drains what is queued.</summary>
    public void Complete()
    {
        IsCompleted = true;
        _channel.Writer.TryComplete();
        _roomMade.TrySetResult();
        Volatile.Read(ref _batchReady).TrySetResult();
    }

    /// <summary>Completes the queue and waits until every spilled unit is in the journal.</summary>
    public Task CompleteSpillsAsync()
    {
        Complete();
        return _spiller.CompleteAsync();
    }

    private bool TryAdd(AuditUnit unit, long size)
    {
        // The byte bound lets a unit in, however large, when nothing else is held, so that the writer always has work.
        if (Interlocked.Add(ref _bytes, size) > _capacityBytes && size != Interlocked.Read(ref _bytes))
        {
            Interlocked.Add(ref _bytes, -size);
            return false;
        }

        if (_channel.Writer.TryWrite((unit, size)))
        {
            Interlocked.Increment(ref _accepted);
            _metrics.Enqueued();
            if (Volatile.Read(ref _wanted) is > 0 and var wanted && BatchReady(wanted))
            {
                Volatile.Read(ref _batchReady).TrySetResult();
            }

            return true;
        }

        Interlocked.Add(ref _bytes, -size);
        return false;
    }

    private bool BatchReady(int wanted) =>
        Depth >= wanted || Interlocked.Read(ref _bytes) >= _capacityBytes / 2;

    private async ValueTask<bool> WaitForRoomAsync(AuditUnit unit, long size, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_blockTimeout);
            while (!IsCompleted)
            {
                var roomMade = Volatile.Read(ref _roomMade).Task;
                if (TryAdd(unit, size))
                {
                    return true;
                }

                await roomMade.WaitAsync(timeout.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Waited long enough (or the request went away): the journal takes it.
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        return Overflow(unit, size);
    }

    private bool Overflow(AuditUnit unit, long size)
    {
        if (IsCompleted)
        {
            // The writer has stopped: the journal keeps the unit for the next start.
            if (_journal.Append([unit], "shutdown"))
            {
                return true;
            }

            Log.EnqueuedAfterStop(_logger, unit);
            return false;
        }

        if (_overflow is AuditOverflowPolicy.Spill or AuditOverflowPolicy.Block)
        {
            return _spiller.Spill(unit, size);
        }

        _metrics.Dropped(1, "queue_full");
        Log.QueueFull(_logger, _capacity, unit);
        return false;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
