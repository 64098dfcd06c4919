using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Integrity;
using AspNetAuditTrail.Storage;

namespace AspNetAuditTrail.Tests.Writing;

/// <summary>
/// An in-memory store that has rows sealed (its canonical form: the row's id and type) and keeps checkpoints; it can
/// fail an attempt before storing, or store and then fail (a commit whose answer was lost), and records every seal
/// each attempt carried.
/// </summary>
internal sealed class SealingStore : IAuditStore, IAuditSchemaMigrator, IAuditCanonicalForm, IAuditCheckpointSink
{
    private int _attempts;

    /// <summary>Attempts (1-based) that fail before anything is stored.</summary>
    public Func<int, bool> FailAttempt { get; init; } = _ => false;

    /// <summary>Attempts (1-based) that store the batch and then fail.</summary>
    public Func<int, bool> LoseCommit { get; init; } = _ => false;

    /// <summary>What each attempt (1-based) waits for before it stores anything.</summary>
    public Func<int, Task> Hold { get; init; } = _ => Task.CompletedTask;

    public int Attempts => _attempts;

    /// <summary>The stored rows by id (a row stored again is skipped, as the real stores do).</summary>
    public ConcurrentDictionary<Guid, IAuditEvent> Rows { get; } = new();

    /// <summary>Each attempt's seals, by row id.</summary>
    public ConcurrentQueue<Dictionary<Guid, AuditSeal?>> Attempted { get; } = new();

    public ConcurrentQueue<AuditCheckpoint> Checkpoints { get; } = new();

    public string Identity => "memory://sealing";

    public string Name => "memory checkpoints";

    public Task<IReadOnlyList<AuditSchemaChange>> PendingAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<AuditSchemaChange>>([]);

    public Task MigrateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task WriteAsync(IReadOnlyList<AuditUnit> units, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        await Hold(attempt);
        var rows = units.SelectMany(u => u.Rows()).ToList();
        Attempted.Enqueue(rows.ToDictionary(r => r.Id, r => r.Seal));
        if (FailAttempt(attempt))
        {
            throw new InvalidOperationException("the audit database is down");
        }

        foreach (var row in rows)
        {
            Rows.TryAdd(row.Id, row);
        }

        if (LoseCommit(attempt))
        {
            throw new TimeoutException("the commit's answer was lost");
        }
    }

    public Task WriteAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        Checkpoints.Enqueue(checkpoint);
        return Task.CompletedTask;
    }

    public void Write(IAuditEvent row, IBufferWriter<byte> output, Span<byte> personalDigest)
    {
        output.Write<byte>(row.Id.ToByteArray());
        output.Write<byte>(Encoding.UTF8.GetBytes(row.GetType().Name));
        personalDigest.Clear();
    }

    /// <summary>The canonical form <see cref="Write"/> gives, for checking a MAC.</summary>
    public byte[] Canonical(IAuditEvent row)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(row, buffer, stackalloc byte[32]);
        return buffer.WrittenSpan.ToArray();
    }
}
