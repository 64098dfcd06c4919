using AspNetAuditTrail.Events;
using AspNetAuditTrail.Storage;

namespace AspNetAuditTrail.Benchmarks.Load;

/// <summary>
/// A store that writes nothing: it counts the request rows it was given and lets them go, so that a run measures the
/// middleware, the queue and the writer without any database.
/// </summary>
internal sealed class DiscardingStore : IAuditStore
{
    private long _requests;

    /// <summary>Request rows handed to the store so far.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    public string Identity => "discard://benchmark";

    public Task WriteAsync(IReadOnlyList<AuditUnit> units, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var unit in units)
        {
            count += unit.Request is null ? 0 : 1;
        }

        Interlocked.Add(ref _requests, count);
        return Task.CompletedTask;
    }

    public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
