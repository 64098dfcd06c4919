using System.Net;
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
            ["AuditTrail:ConnectionString"] = Database.UnreachableConnectionString,
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

        var journalFiles = Directory.GetFiles(journal);
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
        Assert.All(Directory.GetFiles(journal), f => Assert.Equal(0, new FileInfo(f).Length));
    }

    [Fact]
    public async Task TheHealthCheckSaysWhetherTheStoreCanBeReached()
    {
        await using (var up = new SampleApp(Database))
        {
            var response = await up.CreateClient().GetAsync("/health", Token);
            Assert.Equal((HttpStatusCode.OK, "Healthy"), (response.StatusCode, await response.Content.ReadAsStringAsync(Token)));
        }

        await using var down = new SampleApp(Database, new() { ["AuditTrail:ConnectionString"] = Database.UnreachableConnectionString });
        var failing = await down.CreateClient().GetAsync("/health", Token);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (failing.StatusCode, await failing.Content.ReadAsStringAsync(Token)));
    }
}
