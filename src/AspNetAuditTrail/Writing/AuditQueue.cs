using System.Threading.Channels;
using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Writing;

/// <summary>
/// The bounded in-memory queue between the requests and the writer. Handing over never waits: when the
/// queue is full the event goes to the local journal (<see cref="AuditOverflowPolicy.Spill"/>) or is dropped,
/// logged and counted (<see cref="AuditOverflowPolicy.Drop"/>).
/// </summary>
internal sealed class AuditQueue
{
    private readonly Channel<AuditUnit> _channel;
    private readonly int _capacity;
    private readonly AuditMetrics _metrics;
    private readonly ILogger<AuditQueue> _logger;
    private readonly AuditJournal _journal;
    private readonly AuditOverflowPolicy _overflow;
    private readonly TimeSpan _blockTimeout;

    public AuditQueue(IOptions<AuditTrailOptions> options, AuditJournal journal, AuditMetrics metrics, ILogger<AuditQueue> logger)
    {
        _capacity = options.Value.QueueCapacity;
        _overflow = options.Value.OverflowPolicy;
        _blockTimeout = options.Value.BlockTimeout;
        _journal = journal;
        _metrics = metrics;
        _logger = logger;
        _channel = Channel.CreateBounded<AuditUnit>(new BoundedChannelOptions(_capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public ChannelReader<AuditUnit> Reader => _channel.Reader;

    /// <summary>Units waiting for the writer.</summary>
    public int Depth => _channel.Reader.Count;

    /// <summary>How many units the queue holds at most.</summary>
    public int Capacity => _capacity;

    /// <summary>Hands a unit to the writer, or to the journal when the queue cannot take it; false (logged and counted) when it was dropped.</summary>
    public bool Enqueue(AuditUnit unit)
    {
        if (_channel.Writer.TryWrite(unit))
        {
            _metrics.Enqueued();
            return true;
        }

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

        if (_overflow == AuditOverflowPolicy.Block && SpinWait.SpinUntil(() => _channel.Writer.TryWrite(unit), _blockTimeout))
        {
            _metrics.Enqueued();
            return true;
        }

        if (_overflow is AuditOverflowPolicy.Spill or AuditOverflowPolicy.Block)
        {
            // One request's unit: written to the operating system but not flushed to the disk each time, or, once
            // the queue is full, every request would wait for the disk in turn.
            return _journal.Append([unit], "queue_full", flushToDisk: false);
        }

        _metrics.Dropped(1, "queue_full");
        Log.QueueFull(_logger, _capacity, unit);
        return false;
    }

    /// <summary>Counts and logs an event that could not even be built.</summary>
    public void CountLost(Exception exception, string method, string path)
    {
        _metrics.Dropped(1, "build_failed");
        Log.EventLost(_logger, exception, method, path);
    }

    /// <summary>True once <see cref="Complete"/> was called.</summary>
    public bool IsCompleted { get; private set; }

    /// <summary>Accepts no more units; the writer drains what is queued.</summary>
    public void Complete()
    {
        IsCompleted = true;
        _channel.Writer.TryComplete();
    }
}
