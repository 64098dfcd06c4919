using AspNetAuditTrail.Configuration;

namespace AspNetAuditTrail.Tests.Writing;

public class AuditWriterTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WritesFullBatchesAtOnceAndTheRestAfterTheFlushInterval()
    {
        var store = new RecordingStore();
        await using var harness = new WriterHarness(new AuditTrailOptions { BatchSize = 3, FlushInterval = TimeSpan.FromSeconds(10) }, store);
        for (var i = 0; i < 7; i++)
        {
            Assert.True(harness.Queue.Enqueue(WriterHarness.Unit(i)));
        }

        await harness.Writer.StartAsync(Token);
        await WriterHarness.EventuallyAsync(() => store.Batches.Count == 2, "two full batches are written");
        await Task.Delay(200, Token);
        Assert.Equal(2, store.Batches.Count);

        var waited = await AdvanceUntilAsync(harness, () => store.Batches.Count == 3, TimeSpan.FromMilliseconds(500));
        Assert.InRange(waited, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15));

        Assert.Equal([3, 3, 1], store.Batches.Select(b => b.Count));
        Assert.Equal(7, harness.Counter("audit.events.written"));
        Assert.Equal(1, store.SchemaCalls);
    }

    [Fact]
    public async Task StopDrainsEverythingQueued()
    {
        var store = new RecordingStore();
        await using var harness = new WriterHarness(new AuditTrailOptions { BatchSize = 1000, FlushInterval = TimeSpan.FromHours(1) }, store);
        await harness.Writer.StartAsync(Token);
        for (var i = 0; i < 25; i++)
        {
            harness.Queue.Enqueue(WriterHarness.Unit(i));
        }

        await harness.Writer.StopAsync(Token);

        Assert.Equal(25, store.Written);
        Assert.Equal(
            Enumerable.Range(0, 25).Select(i => "/api/items/" + i),
            store.Batches.SelectMany(b => b).Select(u => u.Request!.Path));
    }

    [Fact]
    public async Task AFailedBatchIsRetriedWithBackoffAndWrittenOnce()
    {
        var store = new RecordingStore { FailAttempt = attempt => attempt <= 2 };
        await using var harness = new WriterHarness(
            new AuditTrailOptions { BatchSize = 1, MaxWriteRetries = 3, RetryDelay = TimeSpan.FromSeconds(1) },
            store);
        harness.Queue.Enqueue(WriterHarness.Unit(1));
        await harness.Writer.StartAsync(Token);

        await WriterHarness.EventuallyAsync(() => store.Attempts == 1, "the first attempt fails");

        // The fake clock moves in small steps: a retry never comes before its delay (1 s, then 2 s) has passed.
        var first = await AdvanceUntilAsync(harness, () => store.Attempts == 2);
        var second = await AdvanceUntilAsync(harness, () => store.Written == 1);

        Assert.InRange(first, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        Assert.InRange(second, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6));
        Assert.Equal(3, store.Attempts);
        Assert.Equal(2, harness.Counter("audit.write.failures"));
        Assert.Equal(0, harness.Counter("audit.events.dropped[write_failed]"));
    }

    [Fact]
    public async Task ABatchThatKeepsFailingGoesToTheJournalAndIsReplayedWhenTheStoreIsBack()
    {
        var store = new RecordingStore { FailAttempt = attempt => attempt <= 3 };
        await using var harness = new WriterHarness(
            new AuditTrailOptions { BatchSize = 2, FlushInterval = TimeSpan.FromMilliseconds(1), MaxWriteRetries = 2, RetryDelay = TimeSpan.FromSeconds(1) },
            store);
        harness.Queue.Enqueue(WriterHarness.Unit(1));
        harness.Queue.Enqueue(WriterHarness.Unit(2));
        await harness.Writer.StartAsync(Token);

        for (var i = 0; i < 50 && harness.Counter("audit.events.spilled[write_failed]") == 0; i++)
        {
            harness.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20, Token);
        }

        Assert.Equal(2, harness.Counter("audit.events.spilled[write_failed]"));
        Assert.Equal(3, store.Attempts);
        Assert.True(harness.Journal.Size > 0);
        Assert.Equal(0, harness.Counter("audit.events.dropped[write_failed]"));

        Assert.True(harness.Queue.Enqueue(WriterHarness.Unit(3)));
        for (var i = 0; i < 50 && harness.Counter("audit.events.replayed") < 2; i++)
        {
            harness.Time.Advance(TimeSpan.FromMilliseconds(1));
            await Task.Delay(20, Token);
        }

        Assert.Equal(["/api/items/3", "/api/items/1", "/api/items/2"], store.Batches.SelectMany(b => b).Select(u => u.Request!.Path));
        Assert.Equal(0, harness.Journal.Size);
        Assert.Equal(2, harness.Counter("audit.events.replayed"));
    }

    [Fact]
    public async Task AfterTwoFailedBatchesTheCircuitOpensAndBatchesGoStraightToTheJournalUntilItHalfOpens()
    {
        var store = new RecordingStore { FailAttempt = attempt => attempt <= 2 };
        await using var harness = new WriterHarness(
            new AuditTrailOptions { BatchSize = 1, MaxWriteRetries = 0, CircuitBreakDuration = TimeSpan.FromSeconds(30) }, store);
        await harness.Writer.StartAsync(Token);

        for (var i = 1; i <= 3; i++)
        {
            harness.Queue.Enqueue(WriterHarness.Unit(i));
            await WriterHarness.EventuallyAsync(() => harness.Counter("audit.events.spilled[write_failed]") == i, $"batch {i} is in the journal");
        }

        Assert.Equal(2, store.Attempts);
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        await WriterHarness.EventuallyAsync(() => harness.Counter("audit.events.replayed") == 3, "the circuit half-opens and the journal is replayed");
        harness.Queue.Enqueue(WriterHarness.Unit(4));
        await WriterHarness.EventuallyAsync(() => store.Written == 4, "the next unit is written");

        Assert.Equal(["/api/items/1", "/api/items/2", "/api/items/3", "/api/items/4"], store.Batches.SelectMany(b => b).Select(u => u.Request!.Path));
        Assert.Equal(0, harness.Journal.Size);
    }

    [Fact]
    public async Task BlockWaitsForRoomThenSpills()
    {
        await using var harness = new WriterHarness(
            new AuditTrailOptions { QueueCapacity = 1, OverflowPolicy = AuditOverflowPolicy.Block, BlockTimeout = TimeSpan.FromMilliseconds(100) },
            new RecordingStore());
        Assert.True(harness.Queue.Enqueue(WriterHarness.Unit(1)));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var waiting = harness.Queue.EnqueueAsync(WriterHarness.Unit(2), Token);
        Assert.False(waiting.IsCompleted);
        Assert.True(await waiting);

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(90), $"waited {clock.Elapsed}");
        await WriterHarness.EventuallyAsync(() => harness.Counter("audit.events.spilled[queue_full]") == 1, "the unit is spilled");
        Assert.True(harness.Queue.Enqueue(WriterHarness.Unit(3)), "a caller that cannot wait spills at once");
    }

    [Fact]
    public async Task BlockWaitsWithoutAThreadAndGetsInWhenTheWriterMakesRoom()
    {
        await using var harness = new WriterHarness(
            new AuditTrailOptions { QueueCapacity = 1, OverflowPolicy = AuditOverflowPolicy.Block, BlockTimeout = TimeSpan.FromSeconds(30) },
            new RecordingStore());
        Assert.True(harness.Queue.Enqueue(WriterHarness.Unit(1)));

        var waiting = Enumerable.Range(2, 50).Select(i => harness.Queue.EnqueueAsync(WriterHarness.Unit(i), Token).AsTask()).ToArray();
        Assert.All(waiting, w => Assert.False(w.IsCompleted));
        var read = new List<string>();
        while (read.Count < 51)
        {
            if (harness.Queue.TryRead(out var unit, out var size))
            {
                read.Add(unit.Request!.Path);
                harness.Queue.Release(size);
            }
            else
            {
                await Task.Delay(1, Token);
            }
        }

        Assert.All(await Task.WhenAll(waiting), Assert.True);
        Assert.Equal(51, read.Distinct().Count());
        Assert.Equal(0, harness.Counter("audit.events.spilled[queue_full]"));
    }

    [Fact]
    public async Task TheQueueIsBoundedBySizeToo()
    {
        await using var harness = new WriterHarness(
            new AuditTrailOptions { QueueCapacity = 1000, QueueCapacityBytes = 1024 * 1024, OverflowPolicy = AuditOverflowPolicy.Drop },
            new RecordingStore());
        var body = new string('x', 100 * 1024);
        var accepted = 0;
        for (var i = 0; i < 20; i++)
        {
            accepted += harness.Queue.Enqueue(WriterHarness.Unit(i, body)) ? 1 : 0;
        }

        Assert.Equal(5, accepted); // 200 KB of text each: five fit in 1 MiB
        Assert.InRange(harness.Queue.Bytes, 5 * 200 * 1024, 1024 * 1024);
        Assert.Equal(15, harness.Counter("audit.events.dropped[queue_full]"));
        Assert.True(harness.Queue.TryRead(out _, out var size));
        Assert.InRange(harness.Queue.Bytes, 5 * 200 * 1024, 1024 * 1024); // a unit being written still counts
        harness.Queue.Release(size);
        Assert.InRange(harness.Queue.Bytes, 4 * 200 * 1024, 5 * 200 * 1024);
    }

    [Fact]
    public async Task WhatTheJournalHoldsIsWrittenAtTheNextStartAndNeverTwice()
    {
        var folder = Directory.CreateTempSubdirectory("audit-journal-").FullName;
        await using (var first = new WriterHarness(new AuditTrailOptions { QueueCapacity = 1, JournalFolder = folder }, new RecordingStore()))
        {
            first.Queue.Enqueue(WriterHarness.Unit(1));
            Assert.True(first.Queue.Enqueue(WriterHarness.Unit(2)));
            await WriterHarness.EventuallyAsync(() => first.Counter("audit.events.spilled[queue_full]") == 1, "the unit is spilled");
        }

        var store = new RecordingStore();
        await using var second = new WriterHarness(new AuditTrailOptions { JournalFolder = folder }, store);
        await second.Writer.StartAsync(Token);
        await WriterHarness.EventuallyAsync(() => store.Written == 1, "the journal is replayed at start");
        await second.Writer.StopAsync(Token);

        Assert.Equal("/api/items/2", Assert.Single(store.Batches.SelectMany(b => b)).Request!.Path);
        Assert.Equal(0, second.Journal.Size);
    }

    [Fact]
    public async Task AFullQueueDropsNewEventsAndCountsThemWhenToldTo()
    {
        var store = new RecordingStore();
        await using var harness = new WriterHarness(new AuditTrailOptions { QueueCapacity = 2, OverflowPolicy = AuditOverflowPolicy.Drop }, store);

        Assert.True(harness.Queue.Enqueue(WriterHarness.Unit(1)));
        Assert.True(harness.Queue.Enqueue(WriterHarness.Unit(2)));
        Assert.False(harness.Queue.Enqueue(WriterHarness.Unit(3)));

        Assert.Equal(2, harness.Counter("audit.events.enqueued"));
        Assert.Equal(1, harness.Counter("audit.events.dropped[queue_full]"));
        Assert.Equal(0, harness.Journal.Size);
    }

    /// <summary>Moves the fake clock a step (50 ms unless told) at a time until the condition holds; returns how far it moved.</summary>
    internal static async Task<TimeSpan> AdvanceUntilAsync(WriterHarness harness, Func<bool> condition, TimeSpan? step = null)
    {
        var moved = TimeSpan.Zero;
        for (var i = 0; i < 400 && !condition(); i++)
        {
            harness.Time.Advance(step ?? TimeSpan.FromMilliseconds(50));
            moved += step ?? TimeSpan.FromMilliseconds(50);
            await Task.Delay(10, Token);
        }

        Assert.True(condition(), $"still not done after moving the clock {moved}");
        return moved;
    }
}
