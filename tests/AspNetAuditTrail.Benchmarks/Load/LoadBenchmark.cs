using System.Diagnostics;
using AspNetAuditTrail.Relational;

namespace AspNetAuditTrail.Benchmarks.Load;

/// <summary>
/// Runs the API once per setup and round (rounds interleave the setups, so a slow minute of the machine hits
/// them alike), after one unrecorded run of the bare API that warms the process (JIT tiers, thread pool):
/// each run has a warm-up, then the measured wrk run at full speed, then one paced at a fixed rate (for latency
/// with room to spare), then the API is stopped (its writer drains) and the
/// request rows are counted. Each setup's result is all its rounds (<see cref="LoadRounds"/>).
/// </summary>
internal sealed class LoadBenchmark(Wrk wrk, BenchmarkDatabases databases, TimeSpan warmUp, TimeSpan duration, int pacedRate, int? batchSize, int rounds)
{
    public async Task<IReadOnlyList<LoadRounds>> RunAsync(IReadOnlyList<LoadSetup> setups)
    {
        var runs = setups.ToDictionary(s => s, _ => new List<LoadResult>());
        await RunOnceAsync(new LoadSetup(AuditedStore.None, Bodies: false));
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var setup in setups)
            {
                var r = await RunOnceAsync(setup);
                Console.WriteLine(
                    $"  round {round}, {setup.Name}: {r.Wrk.RequestsPerSecond:N0} req/s, p50 {r.Wrk.P50Ms:N2} ms, p99 {r.Wrk.P99Ms:N2} ms; " +
                    $"paced {r.Paced.RequestsPerSecond:N0} req/s, p50 {r.Paced.P50Ms:N2} ms, p99 {r.Paced.P99Ms:N2} ms; per request {r.CpuMicrosecondsPerRequest:N0} µs API CPU, " +
                    $"{r.DatabaseCpuMicrosecondsPerRequest:N0} µs PostgreSQL CPU, {r.AllocatedBytesPerRequest:N0} B; events {r.EventsWritten:N0}/{r.EventsExpected:N0} " +
                    $"(dropped {r.Dropped}, spilled {r.Spilled})");
                runs[setup].Add(r);
            }
        }

        return [.. setups.Select(s => new LoadRounds(s, runs[s]))];
    }

    private async Task<LoadResult> RunOnceAsync(LoadSetup setup)
    {
        var connectionString = setup.Audited && setup.Store != AuditedStore.Discard ? await databases.CreateAsync(setup.Store) : null;
        var api = await BenchmarkApi.StartAsync(setup, connectionString, databases.NewFolder(), batchSize);
        var port = api.Port;
        WrkResult measured, paced;
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
            paced = await wrk.RunAsync(port, duration, pacedRate);
            await api.StopAsync();
        }

        var written = connectionString is null ? api.Discarded.Requests : await BenchmarkDatabases.CountAsync(setup.Store, connectionString, AuditTables.Request.Name);
        var expected = setup.Audited ? api.Requests : 0;
        return new LoadResult(setup, measured, paced, allocated, cpu, database, expected, written, api.Dropped, api.Spilled);
    }
}
