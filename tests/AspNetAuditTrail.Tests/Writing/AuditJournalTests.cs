using System.Text.Json;
using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Writing;
using Microsoft.Extensions.Hosting.Internal;

namespace AspNetAuditTrail.Tests.Writing;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class AuditJournalTests
{
    private static string NewFolder() => Path.Combine(Directory.CreateTempSubdirectory("audit-journal-").FullName, "journal");

    [Fact]
    public async Task AReplayReadsTheUnitsTakenAsideInOrderSkippingACutLineAndLeavesLaterOnesForTheNext()
    {
        await using var harness = new WriterHarness(new AuditTrailOptions(), new RecordingStore());
        var journal = harness.Journal;
        Assert.True(journal.Append([WriterHarness.Unit(1), WriterHarness.Unit(2)], "test"));
        File.AppendAllText(journal.Path, "v1 AAAA {\"Request\":{\"Id\":\n"); // a line cut short by a crash
        Assert.True(journal.Append([WriterHarness.Unit(3)], "test", flushToDisk: false));

        Assert.True(journal.BeginReplay() > 0);
        Assert.True(journal.Append([WriterHarness.Unit(4)], "test"));
        var replayed = journal.ReadReplay().Select(u => u.Request!.Path).ToArray();
        journal.EndReplay(replayed.Length);

        Assert.Equal(["/api/items/1", "/api/items/2", "/api/items/3"], replayed);
        Assert.True(journal.BeginReplay() > 0);
        Assert.Equal(["/api/items/4"], journal.ReadReplay().Select(u => u.Request!.Path));
    }

    [Fact]
    public async Task AReplayComesInBatchesBoundedBySizeAsWellAsCount()
    {
        await using var harness = new WriterHarness(new AuditTrailOptions(), new RecordingStore());
        var body = new string('b', 100 * 1024);
        Assert.True(harness.Journal.Append(Enumerable.Range(0, 10).Select(i => WriterHarness.Unit(i, body)).ToArray(), "test"));

        harness.Journal.BeginReplay();
        var batches = harness.Journal.ReadReplayBatches(maxCount: 1000, maxBytes: 300 * 1024).Select(b => b.Count).ToArray();

        Assert.Equal([2, 2, 2, 2, 2], batches);
    }

    [Fact]
    public async Task ALineWrittenByAnyoneElseIsRejectedCountedAndNeverReplayed()
    {
        await using var harness = new WriterHarness(new AuditTrailOptions(), new RecordingStore());
        var journal = harness.Journal;
        Assert.True(journal.Append([WriterHarness.Unit(1)], "test"));
        var genuine = File.ReadAllLines(journal.Path).Single();
        var forged = WriterHarness.Unit(666);
        var forgedJson = JsonSerializer.Serialize(forged);
        File.AppendAllLines(journal.Path,
        [
            forgedJson,                                                               // the old, unsigned format
            genuine[..genuine.LastIndexOf(' ')] + " " + forgedJson,                   // a real MAC over another unit
            genuine.Replace("/api/items/1", "/api/items/7", StringComparison.Ordinal), // a changed line
        ]);

        journal.BeginReplay();
        var replayed = journal.ReadReplay().Select(u => u.Request!.Path).ToArray();

        Assert.Equal(["/api/items/1"], replayed);
        Assert.Equal(3, harness.Counter("audit.journal.rejected"));
    }

    [Fact]
    public async Task ALineFromAnotherStoresJournalDoesNotVerifyAndEachStoreHasItsOwnFile()
    {
        var folder = NewFolder();
        await using var first = new WriterHarness(new AuditTrailOptions { JournalFolder = folder }, new RecordingStore { Identity = "postgresql://a:5432/audit" });
        await using var second = new WriterHarness(new AuditTrailOptions { JournalFolder = folder }, new RecordingStore { Identity = "postgresql://b:5432/audit" });
        Assert.NotEqual(first.Journal.Path, second.Journal.Path);

        Assert.True(first.Journal.Append([WriterHarness.Unit(1)], "test"));
        File.Copy(first.Journal.Path, second.Journal.Path);
        second.Journal.BeginReplay();

        Assert.Empty(second.Journal.ReadReplay());
        Assert.Equal(1, second.Counter("audit.journal.rejected"));
    }

    [Fact]
    public async Task TheFolderIsMade0700AndTheJournalAndItsKey0600()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix permissions");
        var folder = NewFolder();
        await using var harness = new WriterHarness(new AuditTrailOptions { JournalFolder = folder }, new RecordingStore());

        Assert.True(harness.Journal.Append([WriterHarness.Unit(1)], "test"));

        Assert.Null(harness.Journal.Refusal);
        Assert.Equal(JournalFolder.PrivateFolder, File.GetUnixFileMode(folder));
        Assert.Equal(JournalFolder.PrivateFile, File.GetUnixFileMode(harness.Journal.Path));
        Assert.Equal(JournalFolder.PrivateFile, File.GetUnixFileMode(Path.Combine(folder, "journal.key")));
    }

    [Fact]
    public async Task AFolderOthersCanWriteIsRefusedAndNothingGoesIntoIt()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix permissions");
        var folder = NewFolder();
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        await using var harness = new WriterHarness(new AuditTrailOptions { JournalFolder = folder }, new RecordingStore());

        Assert.Contains("can be written by other users (mode 777)", harness.Journal.Refusal);
        Assert.False(harness.Journal.Append([WriterHarness.Unit(1)], "test"));
        Assert.Equal(1, harness.Counter("audit.events.dropped[journal_refused]"));
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public async Task AFolderOrJournalFileAnotherUserOwnsIsRefused()
    {
        Assert.SkipUnless(UnixFileStatus.CurrentUserId == 0, "needs root, to give a folder to another user");
        var folder = NewFolder();
        Directory.CreateDirectory(folder, JournalFolder.PrivateFolder);
        await using (var first = new WriterHarness(new AuditTrailOptions { JournalFolder = folder }, new RecordingStore()))
        {
            Assert.True(first.Journal.Append([WriterHarness.Unit(1)], "test"));
            File.SetUnixFileMode(first.Journal.Path, (UnixFileMode)0b110_110_110);
            Chown(first.Journal.Path, 65534);
        }

        await using (var planted = new WriterHarness(new AuditTrailOptions { JournalFolder = folder }, new RecordingStore()))
        {
            Assert.Contains("is owned by user 65534", planted.Journal.Refusal);
        }

        Chown(folder, 65534);
        await using var foreign = new WriterHarness(new AuditTrailOptions { JournalFolder = folder }, new RecordingStore { Identity = "other" });
        Assert.Contains($"the journal folder {folder} is owned by user 65534", foreign.Journal.Refusal);
    }

    [Fact]
    public void TheDefaultFolderIsTheUsersOwnAndPerApplication()
    {
        var folder = JournalFolder.Default(new HostingEnvironment { ApplicationName = "Orders.Api", ContentRootPath = "/srv/orders" });

        Assert.DoesNotContain(Path.GetTempPath(), folder, StringComparison.Ordinal);
        Assert.StartsWith(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), folder, StringComparison.Ordinal);
        Assert.EndsWith(Path.Combine("aspnetaudittrail", "Orders.Api"), folder, StringComparison.Ordinal);
    }

    private static void Chown(string path, int user)
    {
        using var chown = System.Diagnostics.Process.Start("chown", [user.ToString(System.Globalization.CultureInfo.InvariantCulture), path]);
        chown.WaitForExit();
        Assert.Equal(0, chown.ExitCode);
    }
}
