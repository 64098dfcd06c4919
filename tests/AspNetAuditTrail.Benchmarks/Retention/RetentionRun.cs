using System.Diagnostics;
using System.Globalization;
using AspNetAuditTrail.Benchmarks.Load;
using AspNetAuditTrail.PostgreSql;
using AspNetAuditTrail.Relational;
using AspNetAuditTrail.Retention;
using AspNetAuditTrail.Sqlite;

namespace AspNetAuditTrail.Benchmarks.Retention;

/// <summary>
/// Retention's cost, in one run: (1) the time to remove a million old request rows through the store (what the hosted
/// job runs), on SQLite, on PostgreSQL by deleting, and on PostgreSQL partitioned by month by dropping months; (2) the
/// audited API's throughput under wrk while retention removes old rows from its own audit database, against the same
/// API and database without retention, rounds interleaved, medians.
/// </summary>
internal static class RetentionRun
{
    private static readonly AuditPeriodPlan Plan = AuditPeriodPlan.Create(new AuditRetentionOptions { Requests = 30 }, DateTimeOffset.UtcNow);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        int Number(string name, int fallback) =>
            args.ToList().IndexOf("--" + name) is var at and >= 0 ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
        var (rows, rounds, seconds) = (Number("rows", 1_000_000), Number("rounds", 3), Number("duration", 10));
        await using var databases = new BenchmarkDatabases();
        await databases.StartPostgreSqlAsync();
        var wrk = new Wrk(2, 64);
        Console.WriteLine($"{rows:N0} old request rows, {Environment.ProcessorCount} cores, PostgreSQL {databases.PostgreSqlVersion}, {Wrk.Version()}");

        Console.WriteLine("| store | removing the old rows | rows/s |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (name, store, partitioned) in new[] { ("SQLite", AuditedStore.Sqlite, false), ("PostgreSQL, delete", AuditedStore.PostgreSql, false), ("PostgreSQL, partitions dropped", AuditedStore.PostgreSql, true) })
        {
            var connectionString = await PrepareAsync(databases, store, partitioned, rows);
            var watch = Stopwatch.StartNew();
            var progress = Stopwatch.StartNew();
            var removed = (await Store(store, connectionString, partitioned).RemoveExpiredAsync(Plan, 1_000, (batch, _) =>
            {
                if (progress.Elapsed >= TimeSpan.FromSeconds(10))
                {
                    progress.Restart();
                    Console.WriteLine($"  {name}: {batch.Sum(b => b.Rows):N0} rows in the last batch, {watch.Elapsed.TotalSeconds:N0} s");
                }

                return Task.CompletedTask;
            }, CancellationToken.None)).Sum(r => r.Rows);
            var elapsed = watch.Elapsed;
            var left = await RetentionSeed.OldRowsAsync(store, connectionString);
            Console.WriteLine($"| {name} | {elapsed.TotalSeconds:N1} s ({removed:N0} removed, {left} left) | {removed / elapsed.TotalSeconds:N0} |");
        }

        Console.WriteLine();
        Console.WriteLine($"| store | API alone (req/s) | API while retention runs (req/s) | ratio | rows retention removed meanwhile |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        await ThroughputAsync(databases, wrk, AuditedStore.None, rows, 1, seconds, retention: false);
        foreach (var store in new[] { AuditedStore.Sqlite, AuditedStore.PostgreSql })
        {
            var alone = new List<double>();
            var during = new List<(double Rate, long Removed)>();
            for (var round = 1; round <= rounds; round++)
            {
                alone.Add((await ThroughputAsync(databases, wrk, store, rows, round, seconds, retention: false)).Rate);
                during.Add(await ThroughputAsync(databases, wrk, store, rows, round, seconds, retention: true));
            }

            var (a, d) = (Medians.Of(alone), Medians.Of(during.Select(r => r.Rate)));
            Console.WriteLine($"| {store} | {a:N0} | {d:N0} | {d / a:0.00} | {Medians.Of(during.Select(r => (double)r.Removed)):N0} |");
        }

        return 0;
    }

    /// <summary>
    /// One wrk run at full speed against the audited API, with its hosted retention job (its default batch and pause, a
    /// 30-day period, a run every second) removing the old rows of its audit database meanwhile, or without retention.
    /// </summary>
    private static async Task<(double Rate, long Removed)> ThroughputAsync(
        BenchmarkDatabases databases, Wrk wrk, AuditedStore store, int rows, int round, int seconds, bool retention)
    {
        var connectionString = store == AuditedStore.None ? null : await PrepareAsync(databases, store, partitioned: false, rows);
        WrkResult measured;
        await using (var api = await BenchmarkApi.StartAsync(new LoadSetup(store, Bodies: false), connectionString, databases.NewFolder(), null, o =>
        {
            if (retention)
            {
                o.Retention.Requests = 30;
                o.Retention.Interval = TimeSpan.FromSeconds(1);
            }
        }))
        {
            await wrk.RunAsync(api.Port, TimeSpan.FromSeconds(3));
            measured = await wrk.RunAsync(api.Port, TimeSpan.FromSeconds(seconds));
            await api.StopAsync();
        }

        var left = connectionString is null ? rows : await RetentionSeed.OldRowsAsync(store, connectionString);
        var removed = rows - left;
        Console.WriteLine($"  round {round}, {store}{(retention ? ", retention running" : "")}: {measured.RequestsPerSecond:N0} req/s, p99 {measured.P99Ms:N2} ms" +
            (retention ? $", {removed:N0} rows removed{(left == 0 ? " (all of them: retention finished before the run did)" : "")}" : ""));
        return (measured.RequestsPerSecond, removed);
    }

    private static async Task<string> PrepareAsync(BenchmarkDatabases databases, AuditedStore store, bool partitioned, int rows)
    {
        var connectionString = await databases.CreateAsync(store);
        var audit = Store(store, connectionString, partitioned);
        await ((Storage.IAuditSchemaMigrator)audit).MigrateAsync(CancellationToken.None);
        await RetentionSeed.SeedAsync(store, connectionString, rows);
        if (partitioned)
        {
            // The seeded months are made, and their rows moved out of the default partition.
            await ((Storage.IAuditSchemaMigrator)audit).MigrateAsync(CancellationToken.None);
            await RetentionSeed.AnalyzeAsync(store, connectionString);
        }

        return connectionString;
    }

    private static SqlAuditStore Store(AuditedStore store, string connectionString, bool partitioned) => store == AuditedStore.Sqlite
        ? new SqliteAuditStore(connectionString, TimeProvider.System)
        : new PostgreSqlAuditStore(connectionString, TimeProvider.System, new PostgreSqlAuditOptions { PartitionByMonth = partitioned });
}
