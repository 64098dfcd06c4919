using System.Text.Json;
using AspNetAuditTrail.IntegrationTests.Databases;
using AspNetAuditTrail.Relational;
using AspNetAuditTrail.Storage;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary><c>audit-trail export-user</c> and <c>anonymize</c> run as processes, with the key from the environment as an app takes it.</summary>
public abstract class CliPersonalDataTests(AuditDatabase database) : DatabaseTest(database)
{
    private static readonly Dictionary<string, string> Key = new() { ["AuditTrail__Anonymization__Key"] = Convert.ToBase64String(new byte[32] { 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 }) };

    private string[] Store => ["--provider", Database.Provider.ToLowerInvariant(), "--connection", Database.ConnectionString];

    [Fact]
    public async Task ExportUserWritesEveryRowAboutTheUserToANewFileOnlyTheOwnerCanRead()
    {
        var expected = await SeedAsync();
        var file = Path.Combine(Directory.CreateTempSubdirectory("cli-export-").FullName, "ana.json");

        var run = await CliProcess.RunAsync(null, ["export-user", .. Store, "--user", "ana", "--output", file]);

        Assert.Equal(0, run.Code);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, OperatingSystem.IsWindows() ? UnixFileMode.UserRead | UnixFileMode.UserWrite : File.GetUnixFileMode(file));
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal("ana", json.RootElement.GetProperty("user").GetString());
        Assert.Equal(expected, json.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array).Sum(p => p.Value.GetArrayLength()));
        Assert.Matches($@"total\s+{expected}\n", run.Out);

        var again = await CliProcess.RunAsync(null, ["export-user", .. Store, "--user", "ana", "--output", file]);
        Assert.Equal(2, again.Code);
    }

    [Fact]
    public async Task AnonymizeUserDryRunChangesNothingThenTheRunLeavesNoRowNamingThem()
    {
        var expected = await SeedAsync();
        long Named() => Database.Scalar<long>($"SELECT count(*) FROM {Database.Requests} WHERE user_id = 'ana'");
        var before = Named();

        var dry = await CliProcess.RunAsync(null, Key, ["anonymize", .. Store, "--user", "ana", "--dry-run"]);

        Assert.Equal(0, dry.Code);
        Assert.Matches($@"total\s+{expected}\n", dry.Out);
        Assert.Equal(before, Named());

        var run = await CliProcess.RunAsync(null, Key, ["anonymize", .. Store, "--user", "ana", "--yes"]);

        Assert.Equal(0, run.Code);
        Assert.Equal(0L, Named());
        Assert.Equal(0L, Database.Scalar<long>($"SELECT count(*) FROM {Database.Table(AuditTables.BusinessEvent.Name)} WHERE user_key = 'ana' OR input IS NOT NULL AND user_id <> 'bob'"));
        Assert.True(Database.Scalar<long>($"SELECT count(*) FROM {Database.Requests} WHERE user_id = 'bob'") > 0);
    }

    [Fact]
    public async Task AnonymizeByTheSettingsPeriodsChangesOnlyOlderRows()
    {
        await SeedAsync();
        var settings = Path.Combine(Directory.CreateTempSubdirectory("cli-anonymize-").FullName, "appsettings.json");
        File.WriteAllText(settings, JsonSerializer.Serialize(new { AuditTrail = new { Database.Provider, Database.ConnectionString, Anonymization = new { SignIns = 150 } } }));

        var run = await CliProcess.RunAsync(null, Key, "anonymize", "--settings", settings, "--yes");

        // Sign-ins at 200, 420 and 500 days, of two users in three tenants.
        Assert.Equal(0, run.Code);
        Assert.Matches(@"sign-ins\s+acme\s+6\n", run.Out);
        Assert.Equal(18L, Database.Scalar<long>($"SELECT count(*) FROM {Database.Table(AuditTables.Login.Name)} WHERE anonymized_at IS NOT NULL AND user_id LIKE 'anon-%'"));
    }

    [Theory]
    [InlineData(false, "anonymize", "--user", "ana")]
    [InlineData(true, "anonymize")]
    [InlineData(true, "anonymize", "--user", "")]
    [InlineData(true, "export-user", "--user", "ana")]
    [InlineData(true, "export-user", "--output", "/tmp/x.json")]
    public async Task BadArgumentsOrNoKeySayWhatIsWrongAndExit2(bool withKey, params string[] arguments)
    {
        await SeedAsync();

        var (code, _, error) = await CliProcess.RunAsync(null, withKey ? Key : [], [arguments[0], .. Store, .. arguments[1..]]);

        Assert.Equal(2, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    /// <summary>Ana's and Bob's rows; returns how many are about Ana.</summary>
    private async Task<int> SeedAsync()
    {
        var store = Database.CreateStore();
        await ((IAuditSchemaMigrator)store).MigrateAsync(Token);
        var now = DateTimeOffset.UtcNow;
        var anas = RetentionData.Units(now, "ana", "10.9.9.9");
        await store.WriteAsync([.. anas, .. RetentionData.Units(now, "bob", "10.1.1.1")], Token);
        return anas.Sum(u => 1 + u.Logins.Count + u.SecurityEvents.Count + u.Processes.Count + u.Steps.Count + u.Registrations.Count + u.BusinessEvents.Count + u.EntityChanges.Count);
    }
}
