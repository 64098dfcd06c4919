using System.Diagnostics;
using System.Globalization;
using AspNetAuditTrail.Benchmarks.Ingest;
using AspNetAuditTrail.Benchmarks.Load;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AspNetAuditTrail.Benchmarks.Nats;

/// <summary>
/// End to end through JetStream next to the store's direct ingest, in one run, rounds interleaved: the same request
/// rows written (a) by an app's pipeline straight into PostgreSQL, (b) by an app publishing them to a stream of three
/// replicas on a three-node cluster, taken by one collector process, and (c) the same with two collector processes.
/// Each ends when every row is counted in the database. The app's CPU time and allocations per event are its cost.
/// </summary>
internal static class NatsRun
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var list = args.ToList();
        var events = list.Contains("--events") ? int.Parse(list[list.IndexOf("--events") + 1], CultureInfo.InvariantCulture) : 50_000;
        var rounds = list.Contains("--rounds") ? int.Parse(list[list.IndexOf("--rounds") + 1], CultureInfo.InvariantCulture) : 5;
        if (!NatsCluster.IsInstalled)
        {
            Console.Error.WriteLine($"No NATS server at {NatsCluster.Binary}: apt-get install -y nats-server.");
            return 2;
        }

        await using var databases = new BenchmarkDatabases();
        await databases.StartPostgreSqlAsync();
        await using var nats = await NatsCluster.StartAsync();
        var direct = await QueuedApp.PrepareAsync(databases, AuditedStore.PostgreSql);
        var setups = new[] { await NatsSetup.StartAsync(databases, nats.Url, 1, await QueuedApp.PrepareAsync(databases, AuditedStore.PostgreSql)), await NatsSetup.StartAsync(databases, nats.Url, 2, await QueuedApp.PrepareAsync(databases, AuditedStore.PostgreSql)) };
        try
        {
            // A round of each first (JIT, tiering; the streams and consumers made), as a fleet that has been running.
            foreach (var setup in setups)
            {
                await ThroughNatsAsync(databases, setup, IngestEvents.Create(events));
            }

            var results = new Dictionary<string, List<Figures>> { ["direct"] = [], ["1"] = [], ["2"] = [] };
            for (var round = 0; round < rounds; round++)
            {
                results["direct"].Add(await DirectAsync(databases, direct, IngestEvents.Create(events), round * events));
                foreach (var setup in setups)
                {
                    results[setup.Collectors.ToString(CultureInfo.InvariantCulture)].Add(await ThroughNatsAsync(databases, setup, IngestEvents.Create(events)));
                }
            }

            var rate = Medians.Of(results["direct"].Select(f => f.Rate));
            Console.WriteLine($"{events:N0} request rows a round, {rounds} rounds interleaved, medians (min–max); {Environment.ProcessorCount} cores; PostgreSQL {databases.PostgreSqlVersion}, JetStream: 3 nodes, 3 replicas");
            Console.WriteLine("| path | rows/s end to end | ÷ direct | app: CPU per event | app: bytes per event | collectors: CPU per event |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            foreach (var (name, figures) in results)
            {
                var label = name == "direct" ? "app → PostgreSQL (direct store)" : $"app → JetStream → {name} collector{(name == "1" ? "" : "s")} → PostgreSQL";
                var through = Medians.Of(figures.Select(f => f.Rate));
                Console.WriteLine(
                    $"| {label} | {through:N0} ({figures.Min(f => f.Rate):N0}–{figures.Max(f => f.Rate):N0}) | {through / rate:0.00} | " +
                    $"{Medians.Of(figures.Select(f => f.AppCpuMicroseconds)):0.0} µs | {Medians.Of(figures.Select(f => f.AppBytes)):N0} B | " +
                    (name == "direct" ? "– |" : $"{Medians.Of(figures.Select(f => f.CollectorCpuMicroseconds)):0.0} µs |"));
            }
        }
        finally
        {
            foreach (var setup in setups)
            {
                setup.Dispose();
            }
        }

        return 0;
    }

    /// <summary>The child side: a collector (no HTTP endpoints) taking the stream into PostgreSQL until killed.</summary>
    public static async Task<int> ServeAsync(string connectionString, string url, string stream, string journal)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "nats-benchmark-collector" });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAuditTrail(o => (o.ConnectionString, o.JournalFolder, o.ServiceName) = (connectionString, journal, "audit-collector")).UsePostgreSql();
        builder.Services.AddAuditTrailCollector(_ => { });
        builder.Services.ConsumeNatsJetStream(o =>
        {
            (o.Url, o.Stream, o.StreamSubjects, o.Replicas) = (url, stream, stream.ToLowerInvariant() + ".>", 3);
            o.BatchSize = 1_000;
        });
        using var host = builder.Build();
        await host.StartAsync();
        Console.WriteLine("READY");
        await host.WaitForShutdownAsync();
        return 0;
    }

    private static async Task<Figures> DirectAsync(BenchmarkDatabases databases, string connectionString, AuditUnit[] units, long before)
    {
        var (elapsed, cpu, bytes) = await QueuedApp.RunAsync(databases, units, audit => audit.UsePostgreSql(connectionString));
        var watch = Stopwatch.StartNew();
        await QueuedApp.UntilCountedAsync(AuditedStore.PostgreSql, connectionString, before + units.Length);
        return new(units.Length / (elapsed + watch.Elapsed).TotalSeconds, cpu, bytes, 0);
    }

    private static async Task<Figures> ThroughNatsAsync(BenchmarkDatabases databases, NatsSetup setup, AuditUnit[] units)
    {
        var collectorCpu = setup.CollectorCpu();
        var watch = Stopwatch.StartNew();
        var (_, cpu, bytes) = await QueuedApp.RunAsync(databases, units, audit => audit.UseNatsJetStream(o =>
        {
            (o.Url, o.Stream, o.StreamSubjects, o.Replicas) = (setup.Url, setup.Stream, setup.Stream.ToLowerInvariant() + ".>", 3);
            o.Subject = setup.Stream.ToLowerInvariant() + ".bench-api";
        }));
        setup.Expected += units.Length;
        await QueuedApp.UntilCountedAsync(AuditedStore.PostgreSql, setup.ConnectionString, setup.Expected);
        return new(units.Length / watch.Elapsed.TotalSeconds, cpu, bytes, (setup.CollectorCpu() - collectorCpu).TotalMicroseconds / units.Length);
    }

    private sealed record Figures(double Rate, double AppCpuMicroseconds, double AppBytes, double CollectorCpuMicroseconds);
}
