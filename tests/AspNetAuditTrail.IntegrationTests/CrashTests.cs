using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using AspNetAuditTrail.IntegrationTests.Databases;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>The sample as a child process on PostgreSQL, killed with SIGKILL under load and started again.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class CrashTests(PostgreSqlServer server) : DatabaseTest(new PostgreSqlAuditDatabase(server, fresh: true))
{
    private static string SampleAssembly()
    {
        // The test's own build folder names the configuration: .../bin/<Configuration>/net10.0/.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        return Path.Combine(AuditDatabase.RepositoryRoot(), "sample", "AspNetAuditTrail.Sample", "bin", configuration, "net10.0", "AspNetAuditTrail.Sample.dll");
    }

    private Process StartSample(int port, string journal)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(SampleAssembly())!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            SampleAssembly(), "--urls", $"http://127.0.0.1:{port}", "--AuditTrail:Provider=PostgreSql",
            $"--AuditTrail:ConnectionString={Database.ConnectionString}", $"--AuditTrail:JournalFolder={journal}",
            "--AuditTrail:QueueCapacity=20", "--AuditTrail:FlushInterval=00:00:00.200", "--Logging:LogLevel:Default=Warning",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilUpAsync(HttpClient client)
    {
        for (var i = 0; i < 200; i++)
        {
            try
            {
                if ((await client.GetAsync("/api/products", Token)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, Token);
        }

        Assert.Fail("The sample did not start.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task EveryEventThatReachedTheJournalBeforeAKillIsStoredOnceAfterTheRestart()
    {
        if (!File.Exists(SampleAssembly()))
        {
            Assert.Skip("The sample is not built next to the tests: " + SampleAssembly());
        }

        var port = FreePort();
        var journal = Directory.CreateTempSubdirectory("audit-journal-").FullName;
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var first = StartSample(port, journal);
        await WaitUntilUpAsync(client);

        using var stop = new CancellationTokenSource();
        var sent = 0;
        var load = Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref sent);
                try
                {
                    await client.GetAsync($"/api/products/1?n={n}", stop.Token);
                }
                catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or System.Net.Sockets.SocketException or IOException)
                {
                    // The process was killed mid-request (or mid-connect, which surfaces as a bare socket error).
                }
            }
        }));
        for (var i = 0; i < 100 && Directory.GetFiles(journal, "*.journal*").Sum(f => new FileInfo(f).Length) < 50_000; i++)
        {
            await Task.Delay(50, Token);
        }

        first.Kill();
        await first.WaitForExitAsync(Token);
        await stop.CancelAsync();
        await load;

        // What reached the journal before the kill (a line is "v1 <mac> <json>"; a last line cut short by it is not an event).
        var journaled = Directory.GetFiles(journal, "*.journal*")
            .SelectMany(File.ReadLines)
            .Select(line => line.Split(' ', 3)[^1])
            .Select(line => { try { return JsonDocument.Parse(line).RootElement.GetProperty("Request").GetProperty("Id").GetGuid(); } catch (JsonException) { return Guid.Empty; } })
            .Where(id => id != Guid.Empty)
            .ToHashSet();
        Assert.True(journaled.Count > 0, "nothing reached the journal before the kill");

        var second = StartSample(port, journal);
        try
        {
            await WaitUntilUpAsync(client);
            for (var i = 0; i < 200 && Directory.GetFiles(journal, "*.journal*").Sum(f => new FileInfo(f).Length) > 0; i++)
            {
                await Task.Delay(50, Token);
            }
        }
        finally
        {
            second.Kill();
            await second.WaitForExitAsync(Token);
        }

        var stored = Database.Query($"SELECT id FROM {Database.Requests}").Select(r => Guid.Parse((string)r["id"]!)).ToList();
        Assert.Empty(journaled.Except(stored));
        Assert.Equal(stored.Count, stored.Distinct().Count());
        Assert.Equal(
            Database.Scalar<long>($"SELECT count(*) FROM {Database.Requests} WHERE query_string IS NOT NULL"),
            Database.Scalar<long>($"SELECT count(DISTINCT query_string) FROM {Database.Requests}"));
    }
}
