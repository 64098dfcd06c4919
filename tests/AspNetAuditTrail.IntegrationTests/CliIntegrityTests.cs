using System.Text.Json;
using System.Text.RegularExpressions;
using AspNetAuditTrail.IntegrationTests.Databases;
using AspNetAuditTrail.Relational;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary><c>audit-trail keys</c>, <c>verify</c> and <c>retention</c> on a sealed trail, run as processes.</summary>
public abstract partial class CliIntegrityTests(AuditDatabase database) : DatabaseTest(database), IDisposable
{
    private readonly IntegrityTrail _trail = new();

    private string[] Store => ["--provider", Database.Provider.ToLowerInvariant(), "--connection", Database.ConnectionString];

    private Dictionary<string, string> ChainKey => new() { ["AuditTrail__Integrity__ChainKey"] = IntegrityTrail.ChainKey };

    [Fact]
    public async Task KeysMadeByTheToolSealATrailThatItsVerifyThenChecks()
    {
        var keys = await CliProcess.RunAsync(null, "keys");
        Assert.Equal(0, keys.Code);
        var chainKey = KeyLine().Match(keys.Out).Groups["chain"].Value;
        var signingKey = SigningLine().Match(keys.Out).Groups["signing"].Value;
        var publicKey = keys.Out.Trim().Split('\n')[^1].Trim();
        Assert.Equal(32, Convert.FromBase64String(chainKey).Length);

        await _trail.WriteAsync(Database, RetentionData.Units(DateTimeOffset.UtcNow), new()
        {
            ["AuditTrail:Integrity:ChainKey"] = chainKey,
            ["AuditTrail:Integrity:SigningKey"] = signingKey,
        });
        var verify = await CliProcess.RunAsync(null, new Dictionary<string, string> { ["AuditTrail__Integrity__ChainKey"] = chainKey },
            ["verify", .. Store, "--public-key", publicKey, "--checkpoints", _trail.Folder]);

        Assert.True(verify.Code == 0, verify.Out + verify.Error);
        Assert.Contains($"Verified: {Database.RowCounts().Values.Sum():N0} rows in 1 chains.", verify.Out, StringComparison.Ordinal);
        Assert.Contains("closed: verified", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyExits4NamingTheBreakAndAnswersJsonAsTheApiDoes()
    {
        await _trail.WriteAsync(Database, RetentionData.Units(DateTimeOffset.UtcNow));
        var id = Database.Scalar<string>($"SELECT {Database.AsText("id")} FROM {Database.Table(AuditTables.Login.Name)} ORDER BY chain_seq");
        Database.ExecuteInMaintenance($"UPDATE {Database.Table(AuditTables.Login.Name)} SET status = 'Failed' WHERE {Database.AsText("id")} = @id", new { id });
        string[] verify = ["verify", .. Store, "--public-key", _trail.Signing.PublicKey.Export(), "--checkpoints", _trail.Folder];

        var text = await CliProcess.RunAsync(null, ChainKey, verify);
        var json = await CliProcess.RunAsync(null, ChainKey, [.. verify, "--json"]);

        Assert.Equal((4, 4), (text.Code, json.Code));
        Assert.Contains($"row_changed login_audit_event {id}:", text.Out, StringComparison.Ordinal);
        Assert.Contains("NOT verified: 1 breaks", text.Out, StringComparison.Ordinal);
        var answer = JsonDocument.Parse(json.Out).RootElement;
        Assert.False(answer.GetProperty("verified").GetBoolean());
        var found = Assert.Single(answer.GetProperty("breaks").EnumerateArray());
        Assert.Equal(("row_changed", "login_audit_event", id), (found.GetProperty("kind").GetString(), found.GetProperty("table").GetString(), found.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task VerifyWithoutTheChainKeyOrAPublicKeyExits2SayingWhichIsMissing()
    {
        await _trail.WriteAsync(Database, []);

        var noChainKey = await CliProcess.RunAsync(null, ["verify", .. Store, "--public-key", _trail.Signing.PublicKey.Export()]);
        var noPublicKey = await CliProcess.RunAsync(null, ChainKey, ["verify", .. Store]);
        var badPublicKey = await CliProcess.RunAsync(null, ChainKey, ["verify", .. Store, "--public-key", "bm90IGEga2V5"]);
        var noFolder = await CliProcess.RunAsync(null, ChainKey, ["verify", .. Store, "--public-key", _trail.Signing.PublicKey.Export(), "--checkpoints", _trail.Folder + "-gone"]);

        Assert.Equal((2, 2, 2, 2), (noChainKey.Code, noPublicKey.Code, badPublicKey.Code, noFolder.Code));
        Assert.Contains("-gone does not exist", noFolder.Error, StringComparison.Ordinal);
        Assert.Contains("The chain key must be base64", noChainKey.Error, StringComparison.Ordinal);
        Assert.Contains("Give the checkpoints' public key", noPublicKey.Error, StringComparison.Ordinal);
        Assert.Contains("not a P-256 public key", badPublicKey.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetentionOfASealedTrailNeedsTheSigningKeyAndLeavesATrailThatVerifies()
    {
        await _trail.WriteAsync(Database, RetentionData.Units(DateTimeOffset.UtcNow));
        var before = Database.RowCounts();
        string[] retention = ["retention", .. Store, "--days", "50", "--yes"];

        var refused = await CliProcess.RunAsync(null, retention);
        Assert.Equal(2, refused.Code);
        Assert.Contains("The database's rows are sealed", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, Database.RowCounts());

        var run = await CliProcess.RunAsync(null, new Dictionary<string, string>
        {
            ["AuditTrail__Integrity__SigningKey"] = _trail.Signing.ExportPrivateKey(),
            ["AuditTrail__Integrity__CheckpointFolder"] = _trail.Folder,
        }, retention);

        Assert.True(run.Code == 0, run.Out + run.Error);
        Assert.True(Database.RowCounts().Values.Sum() < before.Values.Sum());
        var verification = await _trail.VerifyAsync(Database);
        Assert.True(verification.Verified, string.Join("\n", verification.Breaks));
    }

    public void Dispose()
    {
        _trail.Dispose();
        GC.SuppressFinalize(this);
    }

    [GeneratedRegex(@"AuditTrail__Integrity__ChainKey=(?<chain>\S+)")]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"AuditTrail__Integrity__SigningKey=(?<signing>\S+)")]
    private static partial Regex SigningLine();
}
