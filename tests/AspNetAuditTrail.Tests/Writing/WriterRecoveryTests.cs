using AspNetAuditTrail.Configuration;

namespace AspNetAuditTrail.Tests.Writing;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class WriterRecoveryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AJournalThatCannotBeOpenedForReplayAtStartUpIsNotedAndTheWriterGoesOn()
    {
        var store = new RecordingStore();
        await using var harness = new WriterHarness(new AuditTrailOptions { FlushInterval = TimeSpan.FromMilliseconds(1) }, store);
        Assert.True(harness.Journal.Append([WriterHarness.Unit(1)], "test"));
        Directory.CreateDirectory(harness.Journal.Path + ".replaying"); // the replay cannot take the journal aside

        await harness.Writer.StartAsync(Token);
        Assert.True(harness.Queue.Enqueue(WriterHarness.Unit(2)));
        await AuditWriterTests.AdvanceUntilAsync(harness, () => store.Written == 1);

        await WriterHarness.EventuallyAsync(() => harness.Status.LastWriteAt is not null, "the write is noted");

        Assert.Equal("/api/items/2", store.Batches.Single().Single().Request!.Path);
        Assert.Contains("IOException", harness.Status.LastFailure);
        Assert.Null(harness.Status.WriterFault);
    }

    [Fact]
    public async Task WithTheJournalRefusedAFailingBatchIsKeptInMemoryAndWrittenWhenTheStoreIsBack()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("audit-journal-").FullName, "open");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        var store = new RecordingStore { FailAttempt = attempt => attempt <= 3 };
        await using var harness = new WriterHarness(
            new AuditTrailOptions { JournalFolder = folder, FlushInterval = TimeSpan.FromMilliseconds(1), MaxWriteRetries = 0, CircuitBreakDuration = TimeSpan.FromSeconds(1) },
            store);
        Assert.NotNull(harness.Journal.Refusal);

        Assert.True(harness.Queue.Enqueue(WriterHarness.Unit(1)));
        await harness.Writer.StartAsync(Token);
        await AuditWriterTests.AdvanceUntilAsync(harness, () => store.Attempts == 1, TimeSpan.FromMilliseconds(1));
        await WriterHarness.EventuallyAsync(() => harness.Status.ConsecutiveFailedBatches == 1, "the failure is noted");

        await AuditWriterTests.AdvanceUntilAsync(harness, () => store.Written == 1, TimeSpan.FromMilliseconds(250));
        await WriterHarness.EventuallyAsync(() => harness.Status.ConsecutiveFailedBatches == 0, "the write is noted");

        Assert.Equal(0, harness.Counter("audit.events.dropped[journal_refused]"));
        Assert.Equal(4, store.Attempts);
    }

    [Fact]
    public async Task AJournalWhoseReplayFailedIsTriedAgainAfterTheCircuitBreakEvenWhenNothingMoreIsQueued()
    {
        var store = new RecordingStore { FailAttempt = attempt => attempt <= 2 };
        await using var harness = new WriterHarness(
            new AuditTrailOptions { FlushInterval = TimeSpan.FromMilliseconds(1), MaxWriteRetries = 0, CircuitBreakDuration = TimeSpan.FromSeconds(5) },
            store);
        Assert.True(harness.Journal.Append([WriterHarness.Unit(1), WriterHarness.Unit(2)], "test"));

        await harness.Writer.StartAsync(Token);
        await AuditWriterTests.AdvanceUntilAsync(harness, () => store.Attempts == 2, TimeSpan.FromSeconds(1));
        var waited = await AuditWriterTests.AdvanceUntilAsync(harness, () => store.Written == 2, TimeSpan.FromMilliseconds(500));

        Assert.InRange(waited, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(6));
        Assert.Equal(3, store.Attempts);
        await WriterHarness.EventuallyAsync(() => harness.Journal.Size == 0, "the journal is emptied");
    }
}
