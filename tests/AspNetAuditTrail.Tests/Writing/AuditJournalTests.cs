using AspNetAuditTrail.Configuration;

namespace AspNetAuditTrail.Tests.Writing;

public class AuditJournalTests
{
    [Fact]
    public async Task AReplayReadsTheUnitsTakenAsideInOrderSkippingACutLineAndLeavesLaterOnesForTheNext()
    {
        await using var harness = new WriterHarness(new AuditTrailOptions(), new RecordingStore());
        var journal = harness.Journal;
        Assert.True(journal.Append([WriterHarness.Unit(1), WriterHarness.Unit(2)], "test"));
        File.AppendAllText(journal.Path, "{\"Request\":{\"Id\":\n"); // a line cut short by a crash
        Assert.True(journal.Append([WriterHarness.Unit(3)], "test", flushToDisk: false));

        Assert.True(journal.BeginReplay() > 0);
        Assert.True(journal.Append([WriterHarness.Unit(4)], "test"));
        var replayed = journal.ReadReplay().Select(u => u.Request!.Path).ToArray();
        journal.EndReplay(replayed.Length);

        Assert.Equal(["/api/items/1", "/api/items/2", "/api/items/3"], replayed);
        Assert.True(journal.BeginReplay() > 0);
        Assert.Equal(["/api/items/4"], journal.ReadReplay().Select(u => u.Request!.Path));
    }
}
