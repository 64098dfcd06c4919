using System.Threading.Channels;
using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Writing;

/// <summary>
/// Strict mode's writes, committed in groups, as a database commits its own log: the units of the requests that wait
/// at the same moment are sealed and written together in one transaction (up to <c>BatchSize</c>), the next group
/// gathering while one is written, and each request learns when the transaction holding its row committed. A unit
/// whose request stops waiting before its group is taken goes to the background writer at once; a group that cannot
/// be written hands its units (sealed, in their places) to the background writer. Either way no row is lost.
/// </summary>
internal sealed class GroupCommit : IAsyncDisposable
{
    private const int Waiting = 0;
    private const int Taken = 1;
    private const int GivenUp = 2;

    private readonly Channel<Entry> _waiting = Channel.CreateUnbounded<Entry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceProvider _services;
    private readonly AuditQueue _queue;
    private readonly AuditChain _chain;
    private readonly AuditTrailOptions _options;
    private readonly ILogger<GroupCommit> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lazy<Task> _loop;

    public GroupCommit(IServiceProvider services, AuditQueue queue, AuditChain chain, IOptions<AuditTrailOptions> options, ILogger<GroupCommit> logger)
    {
        (_services, _queue, _chain, _options, _logger) = (services, queue, chain, options.Value, logger);
        _loop = new Lazy<Task>(() => Task.Run(RunAsync));
    }

    /// <summary>
    /// Writes the unit with the group it joins; true once the transaction holding it committed, false when it was not
    /// written within <paramref name="timeout"/> or the request went away (the background writer then has it).
    /// </summary>
    public async Task<bool> WriteAsync(AuditUnit unit, TimeSpan timeout, CancellationToken requestAborted)
    {
        var entry = new Entry(unit);
        _ = _loop.Value;
        if (!_waiting.Writer.TryWrite(entry))
        {
            _queue.Enqueue(unit);
            return false;
        }

        try
        {
            return await entry.Done.Task.WaitAsync(timeout, requestAborted);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            if (Interlocked.CompareExchange(ref entry.State, GivenUp, Waiting) == Waiting)
            {
                _queue.Enqueue(unit);
            }

            // A client that went away is not a failure of the trail: its row is written all the same.
            if (!requestAborted.IsCancellationRequested)
            {
                Log.SynchronousWriteFailed(_logger, ex, unit.Request?.Method ?? "", unit.Request?.Path ?? "");
            }

            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _waiting.Writer.TryComplete();
        await _stopping.CancelAsync();
        if (_loop.IsValueCreated)
        {
            await _loop.Value;
        }

        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var group = new List<Entry>(_options.BatchSize);
        while (await _waiting.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < _options.BatchSize && _waiting.Reader.TryRead(out var entry))
            {
                if (Interlocked.CompareExchange(ref entry.State, Taken, Waiting) == Waiting)
                {
                    group.Add(entry);
                }
            }

            if (group.Count > 0)
            {
                var written = await WriteGroupAsync([.. group.Select(e => e.Unit)]);
                group.ForEach(e => e.Done.TrySetResult(written));
            }
        }
    }

    private async Task<bool> WriteGroupAsync(AuditUnit[] units)
    {
        try
        {
            var store = _services.GetRequiredService<IAuditStore>();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            timeout.CancelAfter(_options.SynchronousWriteTimeout);

            // The first requests after start may come before the background writer has migrated the schema.
            await _services.GetRequiredService<AuditSchema>().EnsureAsync(timeout.Token);
            _chain.Seal(units);
            await store.WriteAsync(units, timeout.Token);
            _chain.Settle(units);
            _ = _chain.CheckpointIfDueAsync(CancellationToken.None);
            return true;
        }
        catch (Exception ex)
        {
            foreach (var unit in units)
            {
                Log.SynchronousWriteFailed(_logger, ex, unit.Request?.Method ?? "", unit.Request?.Path ?? "");

                // Sealed already (or not at all, when sealing failed): the background writer keeps each row's place.
                _queue.Enqueue(unit);
            }

            return false;
        }
    }

    private sealed class Entry(AuditUnit unit)
    {
        public int State;

        public AuditUnit Unit { get; } = unit;

        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
