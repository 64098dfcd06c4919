using AspNetAuditTrail.IntegrationTests.Databases;
using AspNetAuditTrail.Relational;

namespace AspNetAuditTrail.IntegrationTests;

public abstract class MigrationTests(AuditDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task HandlerDetailsArriveOnADatabaseMadeByTheFirstScriptWithItsRowsIntact()
    {
        await Database.ApplyScriptsByHandAsync(upToVersion: 1);
        await Database.RecordVersionByHandAsync(1, "initial_schema");
        Database.Execute($$"""
            INSERT INTO {{Database.Requests}} (id, occurred_at, method, scheme, path, status_code, duration_ms, request_body_status, response_body_status, extra_information)
            VALUES ('01900000-0000-7000-8000-000000000001', {{Database.TimeLiteral(new DateTime(2026, 1, 1, 0, 0, 1, DateTimeKind.Utc))}},
                    'GET', 'https', '/api/old', 200, 1.5, 'None', 'None', '{"kept":true}')
            """);

        await using var app = new SampleApp(Database);
        await app.CreateClient().GetAsync("/api/products/1", Token);
        var rows = await app.DrainAsync();

        Assert.Equal(
            Enumerable.Range(1, Database.SchemaVersions).Select(v => (long)v),
            Database.Query($"SELECT version FROM {Database.Table(AuditTables.SchemaVersion)} ORDER BY version").Select(r => (long)r["version"]!));
        Assert.Equal(2, rows.Count);
        var old = rows[0];
        Assert.Equal(
            ("01900000-0000-7000-8000-000000000001", "/api/old", 1.5, """{"kept":true}""", "2026-01-01T00:00:01.0000000Z"),
            ((string)old["id"]!, (string)old["path"]!, (double)old["duration_ms"]!, (string)old["extra_information"]!, (string)old["occurred_at"]!));
        Assert.Null(old["action"]);
        Assert.Null(old["route_template"]);
        Assert.Equal("HTTP: GET /api/products/{id:int}", rows[1]["action"]);
    }
}
