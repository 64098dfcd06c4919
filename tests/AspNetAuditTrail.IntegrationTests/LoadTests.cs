using System.Diagnostics;
using AspNetAuditTrail.IntegrationTests.Databases;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>Load and outage on a real PostgreSQL: every audited request lands exactly once.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class LoadTests(PostgreSqlServer server) : DatabaseTest(new PostgreSqlAuditDatabase(server, fresh: true))
{
    /// <summary>Sends requests from <paramref name="workers"/> concurrent loops until told to stop or <paramref name="total"/> are sent.</summary>
    private static async Task<(int Sent, int Failed)> LoadAsync(HttpClient client, int workers, int total, Func<bool> stop, TimeSpan pause)
    {
        var next = -1;
        var failed = 0;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            int i;
            while (!stop() && (i = Interlocked.Increment(ref next)) < total)
            {
                var response = await client.GetAsync($"/api/products/1?n={i}", Token);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failed);
                }

                if (pause > TimeSpan.Zero)
                {
                    await Task.Delay(pause, Token);
                }
            }
        }));
        return (Math.Min(next + 1, total), failed);
    }

    [Fact]
    public async Task AHundredThousandRequestsAtConcurrency64GiveAHundredThousandRows()
    {
        await using var app = new SampleApp(Database, new() { ["AuditTrail:BatchSize"] = "1000" });
        var client = app.CreateClient();
        var clock = Stopwatch.StartNew();

        var (sent, failed) = await LoadAsync(client, 64, 100_000, () => false, TimeSpan.Zero);
        var sending = clock.Elapsed;
        await app.DrainAsync();
        TestContext.Current.SendDiagnosticMessage($"100,000 requests at concurrency 64: sent in {sending.TotalSeconds:0.0} s, all rows in {clock.Elapsed.TotalSeconds:0.0} s");

        Assert.Equal((100_000, 0), (sent, failed));
        Assert.Equal(100_000L, Database.Scalar<long>($"SELECT count(*) FROM {Database.Requests}"));
        Assert.Equal(100_000L, Database.Scalar<long>($"SELECT count(DISTINCT query_string) FROM {Database.Requests}"));
    }

    [Fact]
    public async Task ThirtySecondsWithoutTheDatabaseLoseNothing()
    {
        if (!server.CanRestart)
        {
            Assert.Skip("The outage test stops and starts the PostgreSQL cluster the tests started; it does not touch AUDIT_TEST_POSTGRES.");
        }

        await using var app = new SampleApp(Database, new()
        {
            ["AuditTrail:QueueCapacity"] = "2000",
            ["AuditTrail:MaxWriteRetries"] = "2",
            ["AuditTrail:RetryDelay"] = "00:00:00.200",
            ["AuditTrail:CircuitBreakDuration"] = "00:00:02",
        });
        var client = app.CreateClient();
        var clock = Stopwatch.StartNew();
        var load = LoadAsync(client, 64, int.MaxValue, () => clock.Elapsed > TimeSpan.FromSeconds(40), TimeSpan.FromMilliseconds(50));

        await Task.Delay(TimeSpan.FromSeconds(5), Token);
        await server.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(30), Token);
        await server.StartAsync();
        var (sent, failed) = await load;

        await Database.WaitForRowsAsync("request_audit_event", sent, timeout: TimeSpan.FromSeconds(120));
        var journal = Directory.GetFiles(app.JournalFolder, "*.journal*").Sum(f => new FileInfo(f).Length);
        await app.DrainAsync();
        TestContext.Current.SendDiagnosticMessage($"Outage of 30 s under load: {sent} requests, {failed} failed, all rows after {clock.Elapsed.TotalSeconds:0.0} s");

        Assert.Equal(0, failed);
        Assert.Equal(sent, Database.Scalar<long>($"SELECT count(*) FROM {Database.Requests}"));
        Assert.Equal(sent, Database.Scalar<long>($"SELECT count(DISTINCT query_string) FROM {Database.Requests}"));
        Assert.Equal(0, journal);
    }
}
