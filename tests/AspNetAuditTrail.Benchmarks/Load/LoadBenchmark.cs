using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AspNetAuditTrail.Storage;

namespace AspNetAuditTrail.Benchmarks.Load;

/// <summary>
/// Runs the API once per setup and round (rounds interleave the setups, so a slow minute of the machine hits
/// them alike), after one unrecorded run of the bare API that warms the process (JIT tiers, thread pool):
/// each run has a warm-up, then the measured wrk run, then the API is stopped (its writer drains) and the
/// request rows are counted. Each setup's result is its median round by requests per second.
/// </summary>
internal sealed class LoadBenchmark(Wrk wrk, BenchmarkDatabases databases, TimeSpan warmUp, TimeSpan duration, int rounds)
{
    public async Task<IReadOnlyList<LoadResult>> RunAsync(IReadOnlyList<LoadSetup> setups)
    {
        var runs = setups.ToDictionary(s => s, _ => new List<LoadResult>());
        await RunOnceAsync(new LoadSetup(AuditedStore.None, Bodies: false));
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var setup in setups)
            {
                var result = await RunOnceAsync(setup);
                Console.WriteLine(
                    $"  round {round}, {setup.Name}: {result.Wrk.RequestsPerSecond:N0} req/s, p50 {result.Wrk.P50Ms:N2} ms, " +
                    $"p99 {result.Wrk.P99Ms:N2} ms, {result.CpuMicrosecondsPerRequest:N0} µs CPU and {result.AllocatedBytesPerRequest:N0} B per request, events {result.EventsWritten:N0}/{result.EventsExpected:N0}");
                runs[setup].Add(result);
            }
        }

        return setups.Select(s => runs[s].OrderBy(r => r.Wrk.RequestsPerSecond).ElementAt(runs[s].Count / 2)).ToArray();
    }

    private async Task<LoadResult> RunOnceAsync(LoadSetup setup)
    {
        var connectionString = setup.Store == AuditedStore.None ? null : await databases.CreateAsync(setup.Store);
        var port = FreePort();
        var api = await BenchmarkApi.StartAsync(setup, connectionString, databases.NewFolder(), port);
        WrkResult measured;
        double allocated, cpu, database;
        await using (api)
        {
            await wrk.RunAsync(port, warmUp);
            GC.Collect();
            var process = Process.GetCurrentProcess();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var cpuBefore = process.TotalProcessorTime;
            var databaseBefore = DatabaseCpu.PostgreSql();
            measured = await wrk.RunAsync(port, duration);
            process.Refresh();
            cpu = (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / measured.Requests;
            database = (DatabaseCpu.PostgreSql() - databaseBefore).TotalMicroseconds / measured.Requests;
            allocated = (double)(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / measured.Requests;
            await api.StopAsync();
        }

        var written = connectionString is null ? 0 : await BenchmarkDatabases.CountAsync(setup.Store, connectionString, AuditTables.Request.Name);
        var expected = setup.Store == AuditedStore.None ? 0 : api.Requests;
        return new LoadResult(setup, measured, allocated, cpu, database, expected, written, api.Dropped, api.Spilled);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
