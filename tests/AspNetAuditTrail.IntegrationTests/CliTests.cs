using AspNetAuditTrail.IntegrationTests.Databases;
using AspNetAuditTrail.Relational;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>The <c>audit-trail</c> tool run as a process, as a user runs it, against the test's database.</summary>
public abstract class CliTests(AuditDatabase database) : DatabaseTest(database)
{
    private static Task<(int Code, string Out, string Error)> RunAsync(params string[] arguments) => CliProcess.RunAsync(null, arguments);

    private string Provider => Database.Provider.ToLowerInvariant();

    [Fact]
    public async Task MigrateScriptPrintsEveryScriptAndChangesNothingThenMigrateAppliesThemOnce()
    {
        var script = await RunAsync("migrate", "--provider", Provider, "--connection", Database.ConnectionString, "--script");

        Assert.Equal(0, script.Code);
        Assert.Contains("-- 001_initial_schema", script.Out, StringComparison.Ordinal);
        Assert.Contains("-- 004_business_events", script.Out, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE", script.Out, StringComparison.Ordinal);
        if (Provider == "sqlite")
        {
            // Listing creates no database file either.
            Assert.False(File.Exists(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Database.ConnectionString).DataSource));
        }

        Assert.DoesNotContain(AuditTables.Request.Name, Database.TableNames());

        var applied = await RunAsync("migrate", "--provider", Provider, "--connection", Database.ConnectionString);
        var again = await RunAsync("migrate", "--provider", Provider, "--connection", Database.ConnectionString);
        var nothing = await RunAsync("migrate", "--provider", Provider, "--connection", Database.ConnectionString, "--script");

        Assert.Equal((0, 0, 0), (applied.Code, again.Code, nothing.Code));
        Assert.Contains("Applied 001_initial_schema", applied.Out, StringComparison.Ordinal);
        Assert.Contains("up to date", again.Out, StringComparison.Ordinal);
        Assert.Equal("", nothing.Out);
        Assert.Equal(Database.SchemaVersions, Database.Scalar<long>($"SELECT count(*) FROM {Database.Table(AuditTables.SchemaVersion)}"));
    }

    [Fact]
    public async Task TheSettingsFileOfAnAppNamesTheDatabase()
    {
        var settings = Path.Combine(Directory.CreateTempSubdirectory("cli-settings-").FullName, "appsettings.json");
        File.WriteAllText(settings, System.Text.Json.JsonSerializer.Serialize(new { AuditTrail = new { Provider = Database.Provider, ConnectionString = Database.ConnectionString } }));

        var applied = await RunAsync("migrate", "--settings", settings);

        Assert.Equal(0, applied.Code);
        Assert.Contains(AuditTables.BusinessEvent.Name, Database.TableNames());
    }

    [Theory]
    [InlineData("migrate", "--provider", "oracle", "--connection", "x")]
    [InlineData("migrate", "--provider", "sqlite")]
    [InlineData("migrate", "--bogus")]
    [InlineData("vacuum")]
    [InlineData("migrate", "--settings", "/no/such/appsettings.json")]
    public async Task BadArgumentsSayWhatIsWrongAndExit2(params string[] arguments)
    {
        var (code, _, error) = await RunAsync(arguments);

        Assert.Equal(2, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public async Task AnUnreachableDatabaseExits1WithoutItsPassword()
    {
        var connection = Database.UnreachableConnectionString + (Provider == "sqlite" ? "" : ";Password=hunter2-secret");
        var (code, output, error) = await RunAsync("migrate", "--provider", Provider, "--connection", connection);

        Assert.Equal(1, code);
        Assert.StartsWith("The database failed:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", output + error, StringComparison.Ordinal);
    }
}
