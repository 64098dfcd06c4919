using AspNetAuditTrail.IntegrationTests.Databases;
using AspNetAuditTrail.Relational;
using AspNetAuditTrail.Storage;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary><c>audit-trail retention</c> run as a process: its dry run changes nothing and counts what the real run removes.</summary>
public abstract class CliRetentionTests(AuditDatabase database) : DatabaseTest(database)
{
    private string[] Store => ["--provider", Database.Provider.ToLowerInvariant(), "--connection", Database.ConnectionString];

    [Fact]
    public async Task TheDryRunChangesNothingAndCountsWhatTheRunThenRemoves()
    {
        await SeedAsync();
        var before = Database.RowCounts();

        var dry = await CliProcess.RunAsync(null, ["retention", .. Store, "--days", "50", "--kind", "sign-ins", "requests", "--tenant", "globex", "--dry-run"]);

        Assert.Equal(0, dry.Code);
        Assert.Equal(before, Database.RowCounts());
        Assert.Contains("Dry run: nothing was removed.", dry.Out, StringComparison.Ordinal);

        // globex's 4 sign-ins past 50 days, and its 4 requests alone past 50 days (the linked ones stay with their security events).
        Assert.Matches(@"sign-ins\s+globex\s+4\n", dry.Out);
        Assert.Matches(@"requests\s+globex\s+4\n", dry.Out);
        Assert.Matches(@"total\s+8\n", dry.Out);

        var run = await CliProcess.RunAsync(null, ["retention", .. Store, "--days", "50", "--kind", "sign-ins", "requests", "--tenant", "globex", "--yes"]);

        Assert.Equal(0, run.Code);
        Assert.Contains("Removing: 8 of 8 rows", run.Out, StringComparison.Ordinal);
        Assert.Equal(before[AuditTables.Login.Name] - 4, Database.RowCounts()[AuditTables.Login.Name]);
        Assert.Equal(before[AuditTables.Request.Name] - 4, Database.RowCounts()[AuditTables.Request.Name]);
        Assert.Equal(before[AuditTables.Security.Name], Database.RowCounts()[AuditTables.Security.Name]);
    }

    [Fact]
    public async Task WithoutYesItAsksAndANoOrNoAnswerRemovesNothing()
    {
        await SeedAsync();
        var before = Database.RowCounts();

        var no = await CliProcess.RunAsync("n\n", ["retention", .. Store, "--days", "50"]);
        var none = await CliProcess.RunAsync(null, ["retention", .. Store, "--days", "50"]);

        Assert.Equal((3, 3), (no.Code, none.Code));
        Assert.Contains("[y/N]", no.Out, StringComparison.Ordinal);
        Assert.Equal(before, Database.RowCounts());

        var yes = await CliProcess.RunAsync("y\n", ["retention", .. Store, "--days", "50"]);

        Assert.Equal(0, yes.Code);
        Assert.True(Database.RowCounts()[AuditTables.Login.Name] < before[AuditTables.Login.Name]);
    }

    [Fact]
    public async Task TheAppsSettingsGiveThePeriods()
    {
        await SeedAsync();
        var settings = Path.Combine(Directory.CreateTempSubdirectory("cli-retention-").FullName, "appsettings.json");
        File.WriteAllText(settings, System.Text.Json.JsonSerializer.Serialize(new
        {
            AuditTrail = new { Database.Provider, Database.ConnectionString, Retention = new { SecurityEvents = 365, Tenants = new { acme = new { SecurityEvents = 30 } } } },
        }));

        var run = await CliProcess.RunAsync(null, "retention", "--settings", settings, "--yes");

        // acme's security events past 30 days (40 to 500: 5 of them), and the 2 of every other tenant past 365 days.
        Assert.Equal(0, run.Code);
        Assert.Matches(@"security-events\s+acme\s+5\n", run.Out);
        Assert.Matches(@"security-events\s+globex\s+2\n", run.Out);
        Assert.Matches(@"security-events\s+\(none\)\s+2\n", run.Out);
        Assert.Equal(3L * RetentionData.Ages.Length - 9, Database.RowCounts()[AuditTables.Security.Name]);
    }

    [Theory]
    [InlineData("--days", "0")]
    [InlineData("--days", "ten")]
    [InlineData("--kind", "everything", "--days", "5")]
    [InlineData("--tenant", "acme")]
    public async Task BadArgumentsSayWhatIsWrongAndExit2(params string[] arguments)
    {
        await SeedAsync();

        var (code, _, error) = await CliProcess.RunAsync(null, ["retention", .. Store, .. arguments]);

        Assert.Equal(2, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    private async Task SeedAsync()
    {
        var store = Database.CreateStore();
        await ((IAuditSchemaMigrator)store).MigrateAsync(Token);
        await store.WriteAsync(RetentionData.Units(DateTimeOffset.UtcNow), Token);
    }
}
