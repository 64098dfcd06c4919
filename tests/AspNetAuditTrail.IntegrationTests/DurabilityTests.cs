using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using AspNetAuditTrail.IntegrationTests.Databases;

namespace AspNetAuditTrail.IntegrationTests;

public abstract class DurabilityTests(AuditDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task EventsOfAnOutageWaitInTheJournalAndLandExactlyOnceAtTheNextStart()
    {
        var journal = Directory.CreateTempSubdirectory("audit-journal-").FullName;
        await using (var down = new SampleApp(Database, new()
        {
            ["AuditTrail:ConnectionString"] = Database.RefusingConnectionString,
            ["AuditTrail:MaxWriteRetries"] = "0",
            ["AuditTrail:JournalFolder"] = journal,
        }))
        {
            var client = down.CreateClient();
            for (var i = 0; i < 20; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/products/1?n={i}", Token)).StatusCode);
            }
        }

        var journalFiles = Directory.GetFiles(journal, "*.journal*");
        Assert.NotEmpty(journalFiles);
        Assert.True(journalFiles.Sum(f => new FileInfo(f).Length) > 0);

        await using (var up = new SampleApp(Database, new() { ["AuditTrail:JournalFolder"] = journal }))
        {
            up.CreateClient();
            await Database.WaitForRowsAsync("request_audit_event", 20);
            await up.DrainAsync();
        }

        var rows = Database.RequestRows();
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"n={i}").Order(StringComparer.Ordinal), rows.Select(r => (string)r["query_string"]!).Order(StringComparer.Ordinal));
        Assert.All(Directory.GetFiles(journal, "*.journal*"), f => Assert.Equal(0, new FileInfo(f).Length));
    }

    [Fact]
    public async Task ASignInWrittenIntoTheJournalByAnyoneElseIsNeverReplayed()
    {
        var journal = Directory.CreateTempSubdirectory("audit-journal-").FullName;
        await using (var down = new SampleApp(Database, new()
        {
            ["AuditTrail:ConnectionString"] = Database.RefusingConnectionString,
            ["AuditTrail:MaxWriteRetries"] = "0",
            ["AuditTrail:JournalFolder"] = journal,
        }))
        {
            Assert.Equal(HttpStatusCode.OK, (await down.CreateClient().GetAsync("/api/products/1?n=real", Token)).StatusCode);
        }

        var file = Assert.Single(Directory.GetFiles(journal, "*.journal"));
        var forged = $$"""{"Logins":[{"Id":"{{Guid.CreateVersion7()}}","OccurredAt":"2020-01-01T00:00:00+00:00","Status":"SignIn","UserName":"mallory","UserId":"admin"}]}""";
        File.AppendAllLines(file, [forged, "v1 " + Convert.ToBase64String(new byte[32]) + " " + forged]);

        await using (var up = new SampleApp(Database, new() { ["AuditTrail:JournalFolder"] = journal }))
        {
            up.CreateClient();
            await Database.WaitForRowsAsync("request_audit_event", 1);
            await up.DrainAsync();
        }

        Assert.Equal("n=real", Assert.Single(Database.RequestRows())["query_string"]);
        Assert.Equal(0, Database.Scalar<long>($"SELECT count(*) FROM {Database.Table("login_audit_event")}"));
    }

    [Fact]
    public async Task HealthIsHealthyWithItsLastWriteAndDegradedWhileTheStoreCannotBeReached()
    {
        await using (var up = new SampleApp(Database))
        {
            var client = up.CreateClient();
            await client.GetAsync("/api/products/1", Token);
            await Database.WaitForRowsAsync("request_audit_event", 1);
            var response = await client.GetAsync("/health", Token);
            Assert.Equal((HttpStatusCode.OK, "Healthy"), (response.StatusCode, await response.Content.ReadAsStringAsync(Token)));
            var data = (await HealthAsync(up)).Data;
            Assert.True(data.ContainsKey("lastWriteAt"));
            Assert.InRange((double)data["lastWriteAgeSeconds"], 0, 30);
        }

        await using var down = new SampleApp(Database, new() { ["AuditTrail:ConnectionString"] = Database.UnreachableConnectionString });
        var failing = await down.CreateClient().GetAsync("/health", Token);
        Assert.Equal((HttpStatusCode.OK, "Degraded"), (failing.StatusCode, await failing.Content.ReadAsStringAsync(Token)));
        Assert.Equal(false, (await HealthAsync(down)).Data["storeReachable"]);
    }

    [Fact]
    public async Task HealthIsDegradedWhileEventsGoToTheJournalAndSaysWhy()
    {
        await using var app = new SampleApp(Database, new()
        {
            ["AuditTrail:ConnectionString"] = Database.RefusingConnectionString,
            ["AuditTrail:MaxWriteRetries"] = "0",
        });
        var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.GetAsync($"/api/products/1?n={i}", Token);
        }

        var health = await HealthAsync(app);
        for (var i = 0; i < 200 && (long)health.Data["spilledLast5Minutes"] < 5; i++)
        {
            await Task.Delay(20, Token);
            health = await HealthAsync(app);
        }

        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.True((int)health.Data["consecutiveFailedBatches"] >= 1);
        Assert.Equal(5L, health.Data["spilledLast5Minutes"]);
        Assert.True((long)health.Data["journalBytes"] > 0);
        Assert.Equal(0L, health.Data["droppedLast5Minutes"]);
        Assert.False(health.Data.ContainsKey("lastWriteAt"));
        Assert.NotNull(health.Data["lastFailure"]);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task HealthIsUnhealthyWhenNeitherTheDatabaseNorTheJournalCanTakeEvents()
    {
        var journal = Path.Combine(Directory.CreateTempSubdirectory("audit-journal-").FullName, "open");
        Directory.CreateDirectory(journal);
        File.SetUnixFileMode(journal, (UnixFileMode)0b111_111_111);
        await using var app = new SampleApp(Database, new()
        {
            ["AuditTrail:ConnectionString"] = Database.RefusingConnectionString,
            ["AuditTrail:MaxWriteRetries"] = "0",
            ["AuditTrail:JournalFolder"] = journal,
        });
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/products/1", Token)).StatusCode);

        var response = await client.GetAsync("/health", Token);
        var health = await HealthAsync(app);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (response.StatusCode, await response.Content.ReadAsStringAsync(Token)));
        Assert.Contains("can be written by other users", (string)health.Data["journal"]);
        Assert.Empty(Directory.GetFiles(journal));
    }

    private static async Task<HealthReportEntry> HealthAsync(SampleApp app) =>
        (await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(Token)).Entries["audit-trail"];

    [Fact]
    public async Task InSynchronousModeTheResponseWaitsForItsRow()
    {
        await using var app = new SampleApp(Database, new() { ["AuditTrail:WriteMode"] = "Synchronous" });
        var client = app.CreateClient();

        var response = await client.GetAsync("/api/products/1?sync=1", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"code\":\"KB-01\"", await response.Content.ReadAsStringAsync(Token));
        var row = Assert.Single(Database.RequestRows());
        Assert.Equal("sync=1", row["query_string"]);
        Assert.Equal(await response.Content.ReadAsStringAsync(Token), row["response_body"]);
    }

    [Fact]
    public async Task InSynchronousModeAnUnwritableRowMeans503AndTheRowWaitsInTheJournal()
    {
        var journal = Directory.CreateTempSubdirectory("audit-journal-").FullName;
        await using (var app = new SampleApp(Database, new()
        {
            ["AuditTrail:WriteMode"] = "Synchronous",
            ["AuditTrail:SynchronousWriteTimeout"] = "00:00:02",
            ["AuditTrail:ConnectionString"] = Database.RefusingConnectionString,
            ["AuditTrail:MaxWriteRetries"] = "0",
            ["AuditTrail:JournalFolder"] = journal,
        }))
        {
            var response = await app.CreateClient().GetAsync("/api/products/1?sync=2", Token);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.DoesNotContain("KB-01", await response.Content.ReadAsStringAsync(Token));
        }

        await using (var up = new SampleApp(Database, new() { ["AuditTrail:JournalFolder"] = journal }))
        {
            up.CreateClient();
            await Database.WaitForRowsAsync("request_audit_event", 1);
        }

        Assert.Equal("sync=2", Assert.Single(Database.RequestRows())["query_string"]);
    }
}
