using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Storage;
using AspNetAuditTrail.Writing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Tests.Writing;

/// <summary>
/// Strict mode commits in groups: the requests that wait while one transaction is written are written together in
/// the next one, each told when its own committed; a request that stops waiting before its group is taken leaves its
/// row to the background writer, and a group that fails hands every row to it. No row is written twice or lost.
/// </summary>
public sealed class GroupCommitTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task TheRequestsWaitingWhileOneTransactionIsWrittenShareTheNext()
    {
        var store = new GatedStore();
        await using var setup = new Setup(store);

        var first = setup.Groups.WriteAsync(WriterHarness.Unit(0), Long, TestContext.Current.CancellationToken);
        await store.Entered.Task.WaitAsync(Long, TestContext.Current.CancellationToken);
        var others = Enumerable.Range(1, 20).Select(n => setup.Groups.WriteAsync(WriterHarness.Unit(n), Long, TestContext.Current.CancellationToken)).ToArray();
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.All(others, o => Assert.False(o.IsCompleted));
        store.Open.SetResult();

        Assert.True(await first);
        Assert.All(await Task.WhenAll(others), Assert.True);
        Assert.Equal([1, 20], store.Batches.Select(b => b.Count));
    }

    [Fact]
    public async Task ARequestThatStopsWaitingBeforeItsGroupLeavesItsRowToTheBackgroundWriter()
    {
        var store = new GatedStore();
        await using var setup = new Setup(store);
        var first = setup.Groups.WriteAsync(WriterHarness.Unit(0), Long, TestContext.Current.CancellationToken);
        await store.Entered.Task.WaitAsync(Long, TestContext.Current.CancellationToken);

        var late = WriterHarness.Unit(1);
        Assert.False(await setup.Groups.WriteAsync(late, TimeSpan.FromMilliseconds(20), TestContext.Current.CancellationToken));
        store.Open.SetResult();
        Assert.True(await first);
        await Task.Delay(50, TestContext.Current.CancellationToken);

        Assert.Single(store.Batches);
        Assert.True(setup.Queue.TryRead(out var queued, out _));
        Assert.Same(late, queued);
    }

    [Fact]
    public async Task AGroupThatFailsHandsEveryRowToTheBackgroundWriter()
    {
        await using var setup = new Setup(new RecordingStore { FailAttempt = _ => true });

        var units = Enumerable.Range(0, 3).Select(n => WriterHarness.Unit(n)).ToArray();
        var results = await Task.WhenAll(units.Select(u => setup.Groups.WriteAsync(u, Long, TestContext.Current.CancellationToken)));

        Assert.All(results, Assert.False);
        var queued = new List<AuditUnit>();
        while (setup.Queue.TryRead(out var unit, out _))
        {
            queued.Add(unit);
        }

        Assert.Equal(units.Select(u => u.Request!.Id).Order(), queued.Select(u => u.Request!.Id).Order());
    }

    [Fact]
    public async Task TheSchemaIsMigratedBeforeTheFirstGroupIsWritten()
    {
        var store = new UnmigratedStore();
        await using var setup = new Setup(store);

        Assert.True(await setup.Groups.WriteAsync(WriterHarness.Unit(0), Long, TestContext.Current.CancellationToken));
        Assert.Equal(1, store.Written);
    }

    private sealed class Setup : IAsyncDisposable
    {
        private readonly WriterHarness _harness;
        private readonly ServiceProvider _services;

        public Setup(IAuditStore store)
        {
            var options = new AuditTrailOptions { QueueCapacity = 100 };
            _harness = new WriterHarness(options, store);
            _services = new ServiceCollection().AddSingleton(store).AddSingleton(Options.Create(options)).AddSingleton<AuditSchema>().BuildServiceProvider();
            Groups = new GroupCommit(_services, _harness.Queue, _harness.Chain, Options.Create(options), NullLogger<GroupCommit>.Instance);
        }

        public GroupCommit Groups { get; }

        public AuditQueue Queue => _harness.Queue;

        public async ValueTask DisposeAsync()
        {
            await Groups.DisposeAsync();
            await _harness.DisposeAsync();
            await _services.DisposeAsync();
        }
    }

    /// <summary>A fresh database: writing fails until the schema is migrated.</summary>
    private sealed class UnmigratedStore : IAuditStore, IAuditSchemaMigrator
    {
        private bool _migrated;

        public int Written { get; private set; }

        public string Identity => "memory://unmigrated";

        public Task<IReadOnlyList<AuditSchemaChange>> PendingAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<AuditSchemaChange>>(_migrated ? [] : [new AuditSchemaChange(1, "memory", [])]);

        public Task MigrateAsync(CancellationToken cancellationToken)
        {
            _migrated = true;
            return Task.CompletedTask;
        }

        public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task WriteAsync(IReadOnlyList<AuditUnit> units, CancellationToken cancellationToken)
        {
            Written += _migrated ? units.Count : throw new InvalidOperationException("relation \"request_audit_event\" does not exist");
            return Task.CompletedTask;
        }
    }

    /// <summary>Holds its first write until opened; records every batch.</summary>
    private sealed class GatedStore : IAuditStore
    {
        private int _writes;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Open { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<IReadOnlyList<AuditUnit>> Batches { get; } = [];

        public string Identity => "memory://gated";

        public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task WriteAsync(IReadOnlyList<AuditUnit> units, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _writes) == 1)
            {
                Entered.SetResult();
                await Open.Task.WaitAsync(cancellationToken);
            }

            lock (Batches)
            {
                Batches.Add([.. units]);
            }
        }
    }
}
