namespace AspNetAuditTrail.IntegrationTests;

public sealed class SchemaTests : DatabaseTest
{
    [Fact]
    public async Task StartupCreatesAllFiveTablesOnceAndRecordsTheVersion()
    {
        for (var run = 0; run < 2; run++)
        {
            await using var app = new SampleApp(Database);
            await app.CreateClient().GetAsync("/api/products", Token);
            await app.DrainAsync();
        }

        var tables = Database.Query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").Select(r => (string)r["name"]!);
        Assert.Equal(
            ["audit_schema_version", "login_audit_event", "process_audit_event", "registration_audit_event", "request_audit_event", "step_audit_event"],
            tables);
        var versions = Database.Query("SELECT version, name FROM audit_schema_version ORDER BY version")
            .Select(r => ((long)r["version"]!, (string)r["name"]!));
        Assert.Equal([(1L, "initial_schema"), (2L, "handler_details")], versions);
        Assert.Equal(2L, Database.Scalar<long>("SELECT count(*) FROM request_audit_event"));
    }

    [Fact]
    public async Task TheSqlFolderScriptsGiveTheColumnsTheStoreWrites()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "sql", "sqlite"), "*.sql").Order(StringComparer.Ordinal))
        {
            Database.Execute(await File.ReadAllTextAsync(file, Token));
        }

        var columns = Database.Query("SELECT name FROM pragma_table_info('request_audit_event')").Select(r => (string)r["name"]!).ToArray();

        Assert.Equal(AspNetAuditTrail.Storage.AuditTables.Request.Columns.Select(c => c.Name), columns);
    }

    [Fact]
    public async Task ExtraInformationMustBeAJsonObject()
    {
        await using (var app = new SampleApp(Database))
        {
            await app.CreateClient().GetAsync("/api/products", Token);
            await app.DrainAsync();
        }

        Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => Database.Execute("UPDATE request_audit_event SET extra_information = 'null'"));
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AspNetAuditTrail.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
