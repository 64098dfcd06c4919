using AspNetAuditTrail.Configuration;

namespace AspNetAuditTrail.Tests.Writing;

/// <summary>A batch the store rejects for good (a bug, not an outage) is neither retried nor replayed, and not lost: it is set aside.</summary>
public sealed class RejectedBatchTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARejectedBatchIsTriedOnceSetAsideAndTheNextOnesGoOn()
    {
        var store = new RecordingStore { RejectAttempt = attempt => attempt == 1 };
        await using var harness = new WriterHarness(new AuditTrailOptions { BatchSize = 2, MaxWriteRetries = 5, FlushInterval = TimeSpan.FromMilliseconds(10) }, store);
        harness.Queue.Enqueue(WriterHarness.Unit(1));
        harness.Queue.Enqueue(WriterHarness.Unit(2));
        await harness.Writer.StartAsync(Token);
        await WriterHarness.EventuallyAsync(() => store.Attempts == 1, "the first batch is rejected");
        harness.Queue.Enqueue(WriterHarness.Unit(3));
        harness.Queue.Enqueue(WriterHarness.Unit(4));

        await WriterHarness.EventuallyAsync(() => store.Written == 2, "the next batch is written");
        await harness.Writer.StopAsync(Token);

        Assert.Equal(2, store.Attempts);
        Assert.Equal(0, harness.Journal.Size);
        var rejected = File.ReadAllLines(harness.Journal.RejectedPath);
        Assert.Equal(2, rejected.Length);
    }
}
