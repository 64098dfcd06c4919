using System.Diagnostics;
using System.Globalization;
using AspNetAuditTrail.Benchmarks.Load;
using Dapper;

namespace AspNetAuditTrail.Benchmarks.Queries;

/// <summary>
/// How long each filter of the admin API and page takes on a trail of a million rows of each kind: the first page
/// (100 rows, newest first) through the store's reader, the median of five after one to warm up, and the plan each
/// database chose for it.
/// </summary>
internal static class QueryTimesRun
{
    private const int Times = 5;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var at = args.ToList().IndexOf("--rows");
        var rows = at >= 0 ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 1_000_000;
        await using var databases = new BenchmarkDatabases();
        await databases.StartPostgreSqlAsync();
        Console.WriteLine($"{Environment.ProcessorCount} cores, PostgreSQL {databases.PostgreSqlVersion}; {rows:N0} request rows, business events and entity changes each, over 30 days");
        foreach (var store in new[] { AuditedStore.Sqlite, AuditedStore.PostgreSql })
        {
            var connectionString = await databases.CreateAsync(store);
            var audit = BenchmarkDatabases.Store(store, connectionString);
            await audit.MigrateAsync(CancellationToken.None);
            var watch = Stopwatch.StartNew();
            await QuerySeed.SeedAsync(store, connectionString, rows);
            Console.WriteLine();
            Console.WriteLine($"{store}: seeded in {watch.Elapsed.TotalSeconds:0} s");
            Console.WriteLine($"| filter | rows on the page | ms, median of {Times} | slowest | plan |");
            Console.WriteLine("|---|---:|---:|---:|---|");
            foreach (var query in QueryCase.All(DateTimeOffset.UtcNow))
            {
                var count = await query.Page(audit);
                var times = new List<double>();
                for (var i = 0; i < Times; i++)
                {
                    watch.Restart();
                    await query.Page(audit);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }

                Console.WriteLine($"| {query.Name} | {count} | {Medians.Of(times):0.0} | {times.Max():0.0} | {await PlanAsync(store, connectionString, query.Statement(audit))} |");
            }
        }

        return 0;
    }

    /// <summary>The database's plan for the statement, in one line: the scans and sorts it does, and the indexes it uses.</summary>
    private static async Task<string> PlanAsync(AuditedStore store, string connectionString, (string Sql, DynamicParameters Parameters) statement)
    {
        await using var connection = BenchmarkDatabases.Connect(store, connectionString);
        if (store == AuditedStore.Sqlite)
        {
            var steps = await connection.QueryAsync<(long Id, long Parent, long Unused, string Detail)>("EXPLAIN QUERY PLAN " + statement.Sql, statement.Parameters);
            return string.Join("; ", steps.Select(s => s.Detail));
        }

        var lines = await connection.QueryAsync<string>("EXPLAIN " + statement.Sql, statement.Parameters);
        return string.Join("; ", lines.Select(l => l.Trim().TrimStart('-', '>', ' ')).Where(l => !l.StartsWith("Filter", StringComparison.Ordinal) && !l.StartsWith("Index Cond", StringComparison.Ordinal))
            .Select(l => l.Split("  (cost")[0].Split(" (cost")[0]));
    }

}
