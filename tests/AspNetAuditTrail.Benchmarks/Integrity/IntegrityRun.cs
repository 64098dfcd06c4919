using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using AspNetAuditTrail.Benchmarks.Load;
using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Integrity;
using AspNetAuditTrail.Relational;
using AspNetAuditTrail.Sqlite;
using AspNetAuditTrail.Writing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Benchmarks.Integrity;

/// <summary>
/// The hash chain's cost, in one run: (1) sealing alone, in microseconds per row; (2) ingest through the pipeline
/// with integrity on against the same without it, fresh databases, rounds interleaved (which of the two goes first
/// alternates, and PostgreSQL is checkpointed before each), medians; (3) verification of a
/// trail of a million rows, in rows per second.
/// </summary>
internal static class IntegrityRun
{
    private static readonly string ChainKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        int Number(string name, int fallback) =>
            args.ToList().IndexOf("--" + name) is var at and >= 0 ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
        var (events, rounds, verifyRows, passes) = (Number("events", 200_000), Number("rounds", 5), Number("verify-rows", 1_000_000), Number("verify-passes", 3));
        using var signing = AuditSigningKey.Create();
        await using var databases = new BenchmarkDatabases();
        await databases.StartPostgreSqlAsync();
        Console.WriteLine($"{Environment.ProcessorCount} cores, PostgreSQL {databases.PostgreSqlVersion}; {events:N0} request events per round, {rounds} rounds");

        var sealing = await SealingMicrosecondsAsync(events, signing);
        Console.WriteLine($"Sealing alone (canonical form, HMAC, chain hash): {sealing:0.00} µs per row");
        if (rounds > 0)
        {
            await IngestRatiosAsync(databases, events, rounds, signing);
        }

        if (verifyRows == 0)
        {
            return 0;
        }

        Console.WriteLine();
        Console.WriteLine($"| store | rows verified | rows/s (target ≥ 200,000), median of {passes} | spread | reading the rows alone (rows/s) |");
        Console.WriteLine("|---|---:|---:|---|---:|");
        foreach (var store in new[] { AuditedStore.Sqlite, AuditedStore.PostgreSql })
        {
            var (_, connectionString) = await IngestAsync(databases, store, verifyRows, signing);
            var (verifyRates, readRates) = (new List<double>(), new List<double>());
            for (var pass = 0; pass < passes; pass++)
            {
                verifyRates.Add(await VerifyRateAsync(store, connectionString, verifyRows, signing));
                readRates.Add(await ReadRateAsync(store, connectionString));
            }

            Console.WriteLine($"| {store} | {verifyRows:N0} | {Medians.Of(verifyRates):N0} | {verifyRates.Min():N0} to {verifyRates.Max():N0} | {Medians.Of(readRates):N0} |");
        }

        return 0;
    }

    /// <summary>Ingest with integrity on against the same without it, rounds interleaved; medians and the spread of the ratio.</summary>
    private static async Task IngestRatiosAsync(BenchmarkDatabases databases, int events, int rounds, AuditSigningKey signing)
    {
        Console.WriteLine();
        Console.WriteLine("| store | without integrity (events/s) | with integrity (events/s) | ratio (target ≥ 0.90) | spread of the ratio |");
        Console.WriteLine("|---|---:|---:|---:|---|");
        foreach (var store in new[] { AuditedStore.Sqlite, AuditedStore.PostgreSql })
        {
            var (plain, sealedRates, ratios) = (new List<double>(), new List<double>(), new List<double>());
            for (var round = 0; round < rounds; round++)
            {
                var withFirst = round % 2 == 1;
                var first = await IngestAsync(databases, store, events, withFirst ? signing : null);
                var second = await IngestAsync(databases, store, events, withFirst ? null : signing);
                var (without, with) = withFirst ? (second, first) : (first, second);
                (plain, sealedRates, ratios) = ([.. plain, events / without.Seconds], [.. sealedRates, events / with.Seconds], [.. ratios, without.Seconds / with.Seconds]);
            }

            Console.WriteLine($"| {store} | {Medians.Of(plain):N0} | {Medians.Of(sealedRates):N0} | {Medians.Of(ratios):0.00} | {ratios.Min():0.00} to {ratios.Max():0.00} |");
        }
    }

    /// <summary>One verification of the whole trail, in rows per second; throws unless every row verified.</summary>
    private static async Task<double> VerifyRateAsync(AuditedStore store, string connectionString, int rows, AuditSigningKey signing)
    {
        using var verifier = new AuditVerifier([Convert.FromBase64String(ChainKey)], [signing.PublicKey]);
        var watch = Stopwatch.StartNew();
        var verification = await verifier.VerifyAsync(BenchmarkDatabases.Store(store, connectionString), [], new AuditVerifyScope(), null, CancellationToken.None);
        var seconds = watch.Elapsed.TotalSeconds;
        return verification.Verified && verification.Rows == rows
            ? rows / seconds
            : throw new InvalidOperationException($"{store}: {verification.Rows:N0} rows, {verification.BreakCount} breaks.");
    }

    /// <summary>Reading the trail's one chain back in canonical form, nothing checked, in rows per second.</summary>
    private static async Task<double> ReadRateAsync(AuditedStore store, string connectionString)
    {
        var reader = BenchmarkDatabases.Store(store, connectionString);
        var chain = (await reader.ReadChainsAsync(CancellationToken.None)).Single().ChainId;
        var watch = Stopwatch.StartNew();
        long read = 0;
        await foreach (var _ in reader.ReadChainAsync(chain, 1, long.MaxValue, CancellationToken.None))
        {
            read++;
        }

        return read / watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Sealing the events in the writer's chain with the store's canonical form, in batches of the default size as the
    /// writer does (on every core), timed alone: the median of five passes after one to warm up.
    /// </summary>
    private static async Task<double> SealingMicrosecondsAsync(int events, AuditSigningKey signing)
    {
        var store = new SqliteAuditStore("Data Source=unused.db", TimeProvider.System);
        var times = new List<double>();
        for (var pass = 0; pass < 6; pass++)
        {
            await using var services = new ServiceCollection().BuildServiceProvider();
            await using var chain = new AuditChain(Options.Create(Trail(signing)), services, TimeProvider.System, NullLogger<AuditChain>.Instance);
            chain.Start(store);
            var batches = Ingest.IngestEvents.Create(events).Chunk(new AuditTrailOptions().BatchSize).ToArray();
            var watch = Stopwatch.StartNew();
            foreach (var batch in batches)
            {
                chain.Seal(batch);
            }

            times.Add(pass == 0 ? double.NaN : watch.Elapsed.TotalMicroseconds / events);
        }

        return Medians.Of(times.Where(t => !double.IsNaN(t)));
    }

    /// <summary>The events through the pipeline into a fresh database (integrity on when a key is given); the seconds from start to drained.</summary>
    private static async Task<(double Seconds, string ConnectionString)> IngestAsync(BenchmarkDatabases databases, AuditedStore store, int events, AuditSigningKey? signing)
    {
        var connectionString = await databases.CreateAsync(store);
        await BenchmarkDatabases.Store(store, connectionString).MigrateAsync(CancellationToken.None);
        await databases.SettleAsync(store);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "integrity-benchmark" });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = Timeout.InfiniteTimeSpan);
        var audit = builder.Services.AddAuditTrail(options =>
        {
            var trail = signing is null ? new AuditTrailOptions() : Trail(signing);
            options.Integrity = trail.Integrity;
            options.ConnectionString = connectionString;
            options.QueueCapacity = events;
            options.QueueCapacityBytes = long.MaxValue; // every event in the queue: none goes through the journal
            options.JournalFolder = databases.NewFolder();
        });
        _ = store == AuditedStore.Sqlite ? audit.UseSqlite() : audit.UsePostgreSql();
        using var host = builder.Build();
        var queue = host.Services.GetRequiredService<AuditQueue>();
        foreach (var unit in Ingest.IngestEvents.Create(events))
        {
            queue.Enqueue(unit);
        }

        var watch = Stopwatch.StartNew();
        await host.StartAsync();
        await host.StopAsync(Timeout.InfiniteTimeSpan);
        var seconds = watch.Elapsed.TotalSeconds;
        var rows = await BenchmarkDatabases.CountAsync(store, connectionString, AuditTables.Request.Name);
        return rows == events ? (seconds, connectionString) : throw new InvalidOperationException($"{store}: {rows:N0} rows written instead of {events:N0}.");
    }

    private static AuditTrailOptions Trail(AuditSigningKey signing) => new()
    {
        Integrity = new AuditIntegrityOptions { Enabled = true, ChainKey = ChainKey, SigningKey = signing.ExportPrivateKey() },
    };

}
