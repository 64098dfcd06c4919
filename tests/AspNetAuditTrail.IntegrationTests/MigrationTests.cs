namespace AspNetAuditTrail.IntegrationTests;

public sealed class MigrationTests : DatabaseTest
{
    [Fact]
    public async Task HandlerDetailsArriveOnADatabaseMadeByTheFirstScriptWithItsRowsIntact()
    {
        Database.Execute(await File.ReadAllTextAsync(Path.Combine(SchemaTests.RepositoryRoot(), "sql", "sqlite", "001_initial_schema.sql"), Token));
        Database.Execute("CREATE TABLE audit_schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        Database.Execute("INSERT INTO audit_schema_version VALUES (1, 'initial_schema', '2026-01-01T00:00:00.0000000Z')");
        Database.Execute("""
            INSERT INTO request_audit_event (id, occurred_at, method, scheme, path, status_code, duration_ms, request_body_status, response_body_status, extra_information)
            VALUES ('01900000-0000-7000-8000-000000000001', '2026-01-01T00:00:01.0000000Z', 'GET', 'https', '/api/old', 200, 1.5, 'None', 'None', '{"kept":true}')
            """);

        await using var app = new SampleApp(Database);
        await app.CreateClient().GetAsync("/api/products/1", Token);
        var rows = await app.DrainAsync();

        Assert.Equal([1L, 2L], Database.Query("SELECT version FROM audit_schema_version ORDER BY version").Select(r => (long)r["version"]!));
        Assert.Equal(2, rows.Count);
        var old = rows[0];
        Assert.Equal(("/api/old", 1.5, """{"kept":true}"""), ((string)old["path"]!, (double)old["duration_ms"]!, (string)old["extra_information"]!));
        Assert.Null(old["action"]);
        Assert.Null(old["route_template"]);
        Assert.Equal("HTTP: GET /api/products/{id:int}", rows[1]["action"]);
    }
}
