using System.Net;
using AspNetAuditTrail.IntegrationTests.Databases;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>The SQLite file deleted or replaced under a running app (pooled connections, as in production).</summary>
public sealed class SqliteFileTests : DatabaseTest
{
    private readonly SqliteAuditDatabase _database;

    public SqliteFileTests()
        : this(new SqliteAuditDatabase())
    {
    }

    private SqliteFileTests(SqliteAuditDatabase database)
        : base(database) => _database = database;

    private string File => new SqliteConnectionStringBuilder(_database.ConnectionString).DataSource;

    private SampleApp Start() => new(Database, new() { ["AuditTrail:ConnectionString"] = $"Data Source={File}", ["AuditTrail:MaxWriteRetries"] = "1", ["AuditTrail:RetryDelay"] = "00:00:00.050" });

    [Fact]
    public async Task ADeletedDatabaseFileIsNoticedBeforeTheNextBatchAndMadeAgainSoNoRowIsLost()
    {
        await using var app = Start();
        var client = app.CreateClient();
        await client.GetAsync("/api/products/1?n=before", Token);
        await Database.WaitForRowsAsync("request_audit_event", 1);

        System.IO.File.Delete(File); // as "rm audit.db" would, with the app's connections still open
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/products/1?n={i}", Token)).StatusCode);
        }

        await Database.WaitForRowsAsync("request_audit_event", 20);
        var health = (await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(Token)).Entries["audit-trail"];
        // Deleted, or already replaced by the empty file a reader's connection makes at the path.
        Assert.Matches("was (deleted|replaced by another file) while the app ran", (string)health.Data["lastFailure"]);
        await app.DisposeAsync();
        Assert.Equal(20, Database.RequestRows().Count(r => ((string)r["query_string"]!).StartsWith("n=", StringComparison.Ordinal) && r["query_string"] is not "n=before"));
    }

    [Fact]
    public async Task AReplacedDatabaseFileIsNoticedAndWrittenWhereThePathNowPoints()
    {
        await using var app = Start();
        var client = app.CreateClient();
        await client.GetAsync("/api/products/1?n=before", Token);
        await Database.WaitForRowsAsync("request_audit_event", 1);

        var other = File + ".other";
        System.IO.File.Copy(File, other);
        System.IO.File.Move(other, File, overwrite: true);
        for (var i = 0; i < 5; i++)
        {
            await client.GetAsync($"/api/products/1?n=after{i}", Token);
        }

        await Database.WaitForRowsAsync("request_audit_event", 6);
        var health = (await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(Token)).Entries["audit-trail"];
        Assert.Contains("was replaced by another file", (string)health.Data["lastFailure"]);
    }
}
