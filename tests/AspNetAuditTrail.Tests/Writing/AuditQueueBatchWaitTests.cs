using AspNetAuditTrail.Configuration;

namespace AspNetAuditTrail.Tests.Writing;

/// <summary>
/// The writer waiting for a batch is woken once, when a batch's worth is queued (by count, or by half the byte bound),
/// or when the queue is completed: not by each unit that comes in.
/// </summary>
public class AuditQueueBatchWaitTests
{
    [Fact]
    public async Task TheWaitEndsWhenTheBatchIsFullNotBefore()
    {
        await using var harness = new WriterHarness(new AuditTrailOptions { QueueCapacity = 100 }, new RecordingStore());
        var wait = harness.Queue.WaitForBatchAsync(10, TestContext.Current.CancellationToken);
        for (var n = 0; n < 9; n++)
        {
            Assert.True(harness.Queue.Enqueue(WriterHarness.Unit(n)));
        }

        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(wait.IsCompleted);

        harness.Queue.Enqueue(WriterHarness.Unit(9));
        await wait.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task UnitsQueuedBeforeTheWaitCount()
    {
        await using var harness = new WriterHarness(new AuditTrailOptions { QueueCapacity = 100 }, new RecordingStore());
        for (var n = 0; n < 5; n++)
        {
            harness.Queue.Enqueue(WriterHarness.Unit(n));
        }

        await harness.Queue.WaitForBatchAsync(5, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task HalfTheByteBoundEndsTheWait()
    {
        await using var harness = new WriterHarness(new AuditTrailOptions { QueueCapacity = 100, QueueCapacityBytes = 64 * 1024 }, new RecordingStore());
        var wait = harness.Queue.WaitForBatchAsync(50, TestContext.Current.CancellationToken);
        harness.Queue.Enqueue(WriterHarness.Unit(0, requestBody: new string('x', 40 * 1024)));

        await wait.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task CompletingTheQueueEndsTheWait()
    {
        await using var harness = new WriterHarness(new AuditTrailOptions { QueueCapacity = 100 }, new RecordingStore());
        var wait = harness.Queue.WaitForBatchAsync(10, TestContext.Current.CancellationToken);
        harness.Queue.Enqueue(WriterHarness.Unit(0));

        harness.Queue.Complete();

        await wait.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }
}
