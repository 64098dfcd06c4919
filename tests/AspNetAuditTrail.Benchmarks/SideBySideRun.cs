using System.Runtime;
using System.Runtime.InteropServices;
using AspNetAuditTrail.Benchmarks.Ingest;
using AspNetAuditTrail.Benchmarks.Load;

namespace AspNetAuditTrail.Benchmarks;

/// <summary>
/// The side-by-side run: the API bare, logging each request to a file as its peers do (W3C, Serilog), audited to
/// SQLite and audited to PostgreSQL, each with and without body capture and in strict mode, and audited into a store that
/// discards its rows (the middleware's own cost), under the same wrk load; then ingest through the pipeline against the raw bulk path.
/// Prints Markdown tables and the targets, and returns 1 when events were lost.
/// </summary>
internal static class SideBySideRun
{
    public static async Task<int> RunAsync(SideBySideOptions options, IReadOnlyList<string> arguments)
    {
        if (options.SplitCores && !CoreLayout.Split)
        {
            return await CoreLayout.RunOnCoreZeroAsync(arguments);
        }

        var wrkVersion = Wrk.Version();
        if (wrkVersion is null)
        {
            Console.Error.WriteLine("wrk is not installed: apt-get install -y wrk");
            return 2;
        }

        await using var databases = new BenchmarkDatabases();
        var stores = new List<AuditedStore>();
        if (!options.MiddlewareOnly)
        {
            stores.Add(AuditedStore.Sqlite);
        }

        if (options.PostgreSql)
        {
            await databases.StartPostgreSqlAsync();
            CoreLayout.MovePostgreSql();
            stores.Add(AuditedStore.PostgreSql);
        }

        var setups = new List<LoadSetup> { new(AuditedStore.None, Bodies: false) };
        if (options.Peers)
        {
            setups.AddRange([new(AuditedStore.W3cFile, Bodies: false), new(AuditedStore.SerilogFile, Bodies: false)]);
        }

        setups.Add(new LoadSetup(AuditedStore.Discard, Bodies: false));
        setups.AddRange(stores.SelectMany(s => new[] { new LoadSetup(s, Bodies: false), new LoadSetup(s, Bodies: true), new LoadSetup(s, Bodies: false, Strict: true) }));

        Console.WriteLine($"Load: {options.Rounds} round(s) of {setups.Count} setups, {options.WarmUpSeconds} s warm-up + {options.DurationSeconds} s each");
        var load = await new LoadBenchmark(
                new Wrk(options.Threads, options.Connections), databases,
                TimeSpan.FromSeconds(options.WarmUpSeconds), TimeSpan.FromSeconds(options.DurationSeconds), options.PacedRate, options.BatchSize, options.Rounds)
            .RunAsync(setups);

        Console.WriteLine($"Ingest: {options.IngestEvents:N0} events per store");
        var ingest = new List<IngestResult>();
        foreach (var store in stores)
        {
            ingest.Add(await new IngestBenchmark(databases, options.IngestEvents, options.BatchSize).RunAsync(store));
        }

        Console.WriteLine();
        Console.WriteLine(SideBySideReport.Write(options, Machine(wrkVersion, databases.PostgreSqlVersion), load, ingest));
        return load.Any(r => r.EventsLost != 0) ? 1 : 0;
    }

    private static string Machine(string wrkVersion, string? postgreSqlVersion)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"{Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), {memory:N0} GiB, " +
               $"{RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription} " +
               $"({(GCSettings.IsServerGC ? "server" : "workstation")} GC), {wrkVersion.Split(" [")[0]}" +
               (postgreSqlVersion is null ? "" : $", PostgreSQL {postgreSqlVersion}");
    }
}
