using System.Diagnostics;
using System.Globalization;
using AspNetAuditTrail.Benchmarks.Load;
using AspNetAuditTrail.Relational;
using Dapper;

namespace AspNetAuditTrail.Benchmarks.Queries;

/// <summary>
/// What each index of the request table costs the database per row written: request rows inserted by one statement
/// into a fresh table with every index, with one index left out, and with none, rounds interleaved, medians. An index's
/// cost is the time with every index less the time without it; on PostgreSQL its size per row too. Rows without a tenant
/// and a seal (an app with neither, the default) are timed with every index as well.
/// </summary>
internal static class IndexCostRun
{
    private const string Plain = "every index, rows without tenant and seal";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        int Number(string name, int fallback) =>
            args.ToList().IndexOf("--" + name) is var at and >= 0 ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
        var (rows, rounds) = (Number("rows", 100_000), Number("rounds", 3));
        await using var databases = new BenchmarkDatabases();
        await databases.StartPostgreSqlAsync();
        Console.WriteLine($"{Environment.ProcessorCount} cores, PostgreSQL {databases.PostgreSqlVersion}; {rows:N0} request rows per insert, {rounds} rounds");
        foreach (var store in new[] { AuditedStore.Sqlite, AuditedStore.PostgreSql })
        {
            var indexes = await IndexesAsync(databases, store);
            var variants = new[] { "every index", "no secondary index", Plain }.Concat(indexes.Select(i => "without " + i)).ToArray();
            var times = variants.ToDictionary(v => v, _ => new List<double>());
            var sizes = new Dictionary<string, double>();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var variant in round % 2 == 0 ? variants : variants.Reverse())
                {
                    var dropped = variant is "every index" or Plain ? [] : variant == "no secondary index" ? indexes : [variant["without ".Length..]];
                    var (seconds, measured) = await InsertAsync(databases, store, dropped, rows, variant != Plain);
                    times[variant].Add(seconds * 1e6 / rows);
                    foreach (var (name, bytes) in variant == Plain ? [] : measured)
                    {
                        sizes[name] = bytes;
                    }
                }
            }

            var all = Medians.Of(times["every index"]);
            var none = Medians.Of(times["no secondary index"]);
            Console.WriteLine();
            Console.WriteLine($"{store}: {all:0.00} µs per row with every index, {none:0.00} with only the primary key, {Medians.Of(times[Plain]):0.00} with every index for rows without tenant and seal");
            Console.WriteLine("| index | µs per row (every index less without it) | spread of the time without it | bytes per row |");
            Console.WriteLine("|---|---:|---|---:|");
            foreach (var index in indexes)
            {
                var without = times["without " + index];
                Console.WriteLine($"| {index} | {all - Medians.Of(without):0.00} | {without.Min():0.00} to {without.Max():0.00} | {(sizes.TryGetValue(index, out var size) ? (size / rows).ToString("0", CultureInfo.InvariantCulture) : "")} |");
            }

            Console.WriteLine($"| all of them | {all - none:0.00} | | |");
        }

        return 0;
    }

    /// <summary>The secondary indexes of the request table, from a freshly made schema.</summary>
    private static async Task<IReadOnlyList<string>> IndexesAsync(BenchmarkDatabases databases, AuditedStore store)
    {
        var connectionString = await databases.CreateAsync(store);
        await BenchmarkDatabases.Store(store, connectionString).MigrateAsync(CancellationToken.None);
        await using var connection = BenchmarkDatabases.Connect(store, connectionString);
        var sql = store == AuditedStore.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND name LIKE 'ix%' ORDER BY name"
            : "SELECT indexname FROM pg_indexes WHERE tablename = @table AND indexname LIKE 'ix%' ORDER BY indexname";
        return [.. await connection.QueryAsync<string>(sql, new { table = AuditTables.Request.Name })];
    }

    /// <summary>Rows into a fresh request table without the given indexes; the seconds, and on PostgreSQL each index's size.</summary>
    private static async Task<(double Seconds, IReadOnlyList<(string Index, double Bytes)> Sizes)> InsertAsync(
        BenchmarkDatabases databases, AuditedStore store, IReadOnlyList<string> dropped, int rows, bool tenantsAndSeals)
    {
        var connectionString = await databases.CreateAsync(store);
        await BenchmarkDatabases.Store(store, connectionString).MigrateAsync(CancellationToken.None);
        await using var connection = BenchmarkDatabases.Connect(store, connectionString);
        await connection.OpenAsync();
        foreach (var index in dropped)
        {
            await connection.ExecuteAsync($"DROP INDEX {index}");
        }

        await databases.SettleAsync(store);
        var watch = Stopwatch.StartNew();
        await QuerySeed.InsertRequestsAsync(connection, store == AuditedStore.Sqlite, rows, DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeSeconds(), 86_400.0 / rows, tenantsAndSeals);
        var seconds = watch.Elapsed.TotalSeconds;
        var sizes = store == AuditedStore.PostgreSql
            ? (await connection.QueryAsync<(string, long)>(
                "SELECT indexname, pg_relation_size(indexname::regclass) FROM pg_indexes WHERE tablename = @table", new { table = AuditTables.Request.Name }))
                .Select(s => (s.Item1, (double)s.Item2)).ToList()
            : [];
        return (seconds, sizes);
    }

}
