using System.Net;
using System.Text;
using AspNetAuditTrail.Integrity;
using AspNetAuditTrail.IntegrationTests.Databases;
using AspNetAuditTrail.Relational;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>
/// The sample writes its own database and hands each signed checkpoint to a real collector over loopback HTTP, which
/// keeps it as a write-once file: the collector's copy alone verifies the trail, and shows a cut tail.
/// </summary>
public abstract class CollectorCheckpointTests(AuditDatabase database) : DatabaseTest(database), IDisposable
{
    private static readonly M2mSender SampleApi = M2mSender.Create("sample-api");
    private readonly IntegrityTrail _trail = new();
    private readonly string _kept = Directory.CreateTempSubdirectory("collector-checkpoints-").FullName;

    [Fact]
    public async Task TheCollectorsCopyOfTheCheckpointsVerifiesTheTrailAndShowsACutTail()
    {
        await using var collector = await CollectorHost.StartAsync(Database, [SampleApi], o => o.CheckpointFolder = _kept);
        var key = Path.Combine(Directory.CreateTempSubdirectory("sample-key-").FullName, "sample-api.private.pem");
        await File.WriteAllTextAsync(key, SampleApi.PrivateKeyPem, Token);
        await _trail.WriteAsync(Database, RetentionData.Units(DateTimeOffset.UtcNow), new()
        {
            ["AuditTrail:Collector:Url"] = collector.Client.BaseAddress!.ToString(),
            ["AuditTrail:Collector:PrivateKeyPath"] = key,
        });

        var kept = Path.Combine(_kept, "sample-api");
        var stored = Database.Scalar<long>($"SELECT count(*) FROM {Database.Table(AuditTables.Checkpoint)}");
        Assert.Equal(stored, Directory.GetFiles(kept, "*.json", SearchOption.AllDirectories).Length);
        using var verifier = new AuditVerifier([Convert.FromBase64String(IntegrityTrail.ChainKey)], [_trail.Signing.PublicKey]);
        var store = (IAuditIntegrityReader)Database.CreateStore();
        Assert.True((await verifier.VerifyAsync(store, [kept], new AuditVerifyScope(), null, Token)).Verified);

        // Someone with the database cuts the newest rows and its checkpoints, and the app's own folder: the collector still knows.
        var last = Database.Scalar<long>($"SELECT max(chain_seq) FROM {Database.Requests}");
        Database.CutChainsAfter(last - 3);
        Database.ExecuteInMaintenance($"DELETE FROM {Database.Table(AuditTables.Checkpoint)}");
        var cut = await verifier.VerifyAsync(store, [kept], new AuditVerifyScope(), null, Token);
        Assert.Equal(AuditBreakKind.TailCut, Assert.Single(cut.Breaks).Kind);
    }

    [Fact]
    public async Task AnUnsignedCheckpointIsRefusedAndNothingIsKept()
    {
        await using var collector = await CollectorHost.StartAsync(Database, [SampleApi], o => o.CheckpointFolder = _kept);
        var checkpoint = _trail.Signing.Sign(Guid.CreateVersion7(), 5, new byte[32], DateTimeOffset.UtcNow, AuditCheckpointKind.Periodic, "sample-api@test");
        using var body = new StringContent(Encoding.UTF8.GetString(AuditCheckpointJson.Serialize(checkpoint)), Encoding.UTF8, "application/json");

        var response = await collector.Client.PostAsync("/checkpoints", body, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Directory.GetFiles(_kept, "*", SearchOption.AllDirectories));
    }

    public void Dispose()
    {
        _trail.Dispose();
        IntegrityTrail.DeleteFolder(_kept);
        GC.SuppressFinalize(this);
    }
}
