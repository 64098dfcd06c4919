using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Integrity;

namespace AspNetAuditTrail.Tests.Writing;

/// <summary>The writer's hash chain: each row sealed once, its place kept through retries and the journal, checkpoints signed as set.</summary>
public class AuditChainTests
{
    private static readonly byte[] ChainKey = [.. Enumerable.Range(0, 32).Select(i => (byte)(i * 7))];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABatchRetriedAfterALostCommitKeepsItsSealsAndTheChainHasNoGap()
    {
        using var signing = AuditSigningKey.Create();
        var store = new SealingStore { LoseCommit = attempt => attempt == 1 };
        await using var harness = new WriterHarness(Options(signing, batchSize: 4), store);
        for (var i = 0; i < 4; i++)
        {
            Assert.True(harness.Queue.Enqueue(WriterHarness.Unit(i)));
        }

        await harness.Writer.StartAsync(Token);
        await AuditWriterTests.AdvanceUntilAsync(harness, () => store.Attempts >= 2);
        await harness.Writer.StopAsync(Token);

        var attempts = store.Attempted.ToArray();
        Assert.Equal(attempts[0], attempts[1]);
        Assert.Equal([1L, 2, 3, 4], store.Rows.Values.Select(r => r.Seal!.Sequence).Order());
        Assert.All(store.Rows.Values, r => Assert.Equal(harness.Chain.ChainId, r.Seal!.ChainId));
    }

    [Fact]
    public async Task RowsJournaledWhileTheStoreIsDownAreWrittenLaterWithTheSealsTheyFirstHad()
    {
        using var signing = AuditSigningKey.Create();
        var store = new SealingStore { FailAttempt = attempt => attempt == 1 };
        var options = Options(signing, batchSize: 2);
        options.MaxWriteRetries = 0;
        await using var harness = new WriterHarness(options, store);
        await harness.Writer.StartAsync(Token);
        Assert.True(harness.Queue.Enqueue(WriterHarness.Unit(1)));
        Assert.True(harness.Queue.Enqueue(WriterHarness.Unit(2)));
        await AuditWriterTests.AdvanceUntilAsync(harness, () => store.Attempts >= 1);
        await WriterHarness.EventuallyAsync(() => harness.Counter("audit.events.spilled[write_failed]") == 2, "the batch is journaled");

        // The store is back: the next write succeeds, and the journal is replayed after it.
        Assert.True(harness.Queue.Enqueue(WriterHarness.Unit(3)));
        await AuditWriterTests.AdvanceUntilAsync(harness, () => store.Rows.Count == 3, TimeSpan.FromSeconds(1));
        await harness.Writer.StopAsync(Token);

        var failed = store.Attempted.First();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, seal => Assert.Equal(seal.Value, store.Rows[seal.Key].Seal));
        Assert.Equal([1L, 2, 3], store.Rows.Values.Select(r => r.Seal!.Sequence).Order());
    }

    [Fact]
    public async Task CheckpointsComeEverySoManyRowsAndAtStopSignedOverTheFoldedMacs()
    {
        using var signing = AuditSigningKey.Create();
        var store = new SealingStore();
        await using var harness = new WriterHarness(Options(signing, batchSize: 3, checkpointEveryRows: 6), store);
        await harness.Writer.StartAsync(Token);
        for (var i = 0; i < 14; i++)
        {
            Assert.True(harness.Queue.Enqueue(WriterHarness.Unit(i)));
            await AuditWriterTests.AdvanceUntilAsync(harness, () => store.Rows.Count == i + 1, TimeSpan.FromMilliseconds(20));
        }

        await harness.Writer.StopAsync(Token);

        var checkpoints = store.Checkpoints.ToArray();
        Assert.Equal([(6L, AuditCheckpointKind.Periodic), (12L, AuditCheckpointKind.Periodic), (14L, AuditCheckpointKind.Final)], checkpoints.Select(c => (c.Sequence, c.Kind)));
        Assert.All(checkpoints, c => Assert.True(signing.PublicKey.Verifies(c)));
        Assert.False(signing.PublicKey.Verifies(checkpoints[0] with { Sequence = 7 }));

        // The chain's hash is the documented fold of the rows' MACs, each the documented HMAC of its canonical form.
        using var hash = new AuditChainHash(ChainKey);
        var head = AuditChainHash.Start(harness.Chain.ChainId);
        var mac = new byte[32];
        foreach (var row in store.Rows.Values.OrderBy(r => r.Seal!.Sequence))
        {
            hash.RowMac(row.Seal!.ChainId, row.Seal.Sequence, store.Canonical(row), mac);
            Assert.Equal(AuditChainHash.ToHex(mac), row.Seal.Mac);
            AuditChainHash.Next(head, mac);
            if (checkpoints.FirstOrDefault(c => c.Sequence == row.Seal.Sequence) is { } checkpoint)
            {
                Assert.Equal(checkpoint.ChainHash, AuditChainHash.ToHex(head));
            }
        }
    }

    [Fact]
    public async Task TheNextBatchIsSealedWhileOneIsWrittenButCheckpointsCoverOnlyRowsWritten()
    {
        using var signing = AuditSigningKey.Create();
        var release = new TaskCompletionSource();
        var store = new SealingStore { Hold = attempt => attempt == 1 ? release.Task : Task.CompletedTask };
        await using var harness = new WriterHarness(Options(signing, batchSize: 2, checkpointEveryRows: 2), store);
        var units = Enumerable.Range(0, 4).Select(i => WriterHarness.Unit(i)).ToArray();
        Assert.All(units, u => Assert.True(harness.Queue.Enqueue(u)));
        await harness.Writer.StartAsync(Token);

        // The first batch is held in the store; the second is taken and sealed meanwhile, after it in the chain.
        await WriterHarness.EventuallyAsync(() => units.All(u => u.Request!.Seal is not null), "the next batch is sealed ahead");
        Assert.Equal([1L, 2, 3, 4], units.Select(u => u.Request!.Seal!.Sequence));
        await harness.Chain.CheckpointIfDueAsync(Token);
        Assert.Empty(store.Checkpoints);

        release.SetResult();
        await AuditWriterTests.AdvanceUntilAsync(harness, () => store.Rows.Count == 4);
        await harness.Writer.StopAsync(Token);

        var checkpoints = store.Checkpoints.Select(c => (c.Sequence, c.Kind)).ToArray();
        Assert.Equal((2L, AuditCheckpointKind.Periodic), checkpoints[0]);
        Assert.Equal((4L, AuditCheckpointKind.Final), checkpoints[^1]);
        Assert.Equal([1L, 2, 3, 4], store.Attempted.SelectMany(a => a.Values).Select(s => s!.Sequence));
    }

    private static AuditTrailOptions Options(AuditSigningKey signing, int batchSize, int checkpointEveryRows = 1000) => new()
    {
        BatchSize = batchSize,
        FlushInterval = TimeSpan.FromMilliseconds(10),
        Integrity = new AuditIntegrityOptions
        {
            Enabled = true,
            ChainKey = Convert.ToBase64String(ChainKey),
            SigningKey = signing.ExportPrivateKey(),
            CheckpointEveryRows = checkpointEveryRows,
            CheckpointInterval = TimeSpan.FromHours(1),
        },
    };
}
