using System.Collections.Concurrent;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Storage;

namespace AspNetAuditTrail.Tests.Writing;

/// <summary>An in-memory store for tests of the pipeline: records batches, and fails the attempts it is told to fail.</summary>
internal sealed class RecordingStore : IAuditStore, IAuditSchemaMigrator
{
    private int _attempts;

    /// <summary>Attempts (1-based) that throw.</summary>
    public Func<int, bool> FailAttempt { get; init; } = _ => false;

    public ConcurrentQueue<IReadOnlyList<AuditUnit>> Batches { get; } = new();

    /// <summary>Attempts (1-based) that the store rejects for good, as a collector's 400 would.</summary>
    public Func<int, bool> RejectAttempt { get; init; } = _ => false;

    public int Attempts => _attempts;

    public string Identity { get; init; } = "memory://recording";

    public int SchemaCalls { get; private set; }

    public int Written => Batches.Sum(b => b.Count);

    public Task<IReadOnlyList<AuditSchemaChange>> PendingAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AuditSchemaChange>>(SchemaCalls == 0 ? [new AuditSchemaChange(1, "memory", [])] : []);

    public Task MigrateAsync(CancellationToken cancellationToken)
    {
        SchemaCalls++;
        return Task.CompletedTask;
    }

    public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task WriteAsync(IReadOnlyList<AuditUnit> units, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        if (RejectAttempt(attempt))
        {
            throw new AuditBatchRejectedException("400: items[0].action is required");
        }

        if (FailAttempt(attempt))
        {
            throw new InvalidOperationException("the audit database is down");
        }

        Batches.Enqueue(units.ToArray());
        return Task.CompletedTask;
    }
}
