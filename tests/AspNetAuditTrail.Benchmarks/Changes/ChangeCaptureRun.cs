using System.Diagnostics;
using System.Globalization;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AspNetAuditTrail.Benchmarks.Changes;

/// <summary>
/// Change capture's cost inside <c>SaveChanges</c>: 1,000 entities added, then the same 1,000 changed, with and without
/// the interceptor, on fresh SQLite files, rounds interleaved (which goes first alternates), medians; and the bytes
/// allocated per captured change. The audit store takes the units and drops them: what is measured is the app's
/// side (the writer's cost per row is what the ingest runs measure).
/// </summary>
internal static class ChangeCaptureRun
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        int Number(string name, int fallback) =>
            args.ToList().IndexOf("--" + name) is var at and >= 0 ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
        var (entities, rounds) = (Number("entities", 1_000), Number("rounds", 7));
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddAuditTrail(o => o.QueueCapacity = 1_000_000).UseStore(_ => new DroppingStore(), "dropped");
        using var host = builder.Build();
        await host.StartAsync();

        await SaveAsync(host.Services, entities, capture: true);
        await SaveAsync(host.Services, entities, capture: false);
        var (ratios, plain, captured, bytes) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            var captureFirst = round % 2 == 1;
            var first = await SaveAsync(host.Services, entities, captureFirst);
            var second = await SaveAsync(host.Services, entities, !captureFirst);
            var (without, with) = captureFirst ? (second, first) : (first, second);
            ratios.Add(without.Seconds / with.Seconds);
            plain.Add(without.Seconds * 1000);
            captured.Add(with.Seconds * 1000);
            bytes.Add((with.Bytes - without.Bytes) / (2.0 * entities));
        }

        await host.StopAsync();
        Console.WriteLine($"{Environment.ProcessorCount} cores; SaveChanges of {entities:N0} entities added, then of the same {entities:N0} changed (SQLite), {rounds} rounds");
        Console.WriteLine();
        Console.WriteLine("| | without capture | with capture | ratio (target ≥ 0.8) | spread of the ratio |");
        Console.WriteLine("|---|---:|---:|---:|---|");
        Console.WriteLine($"| both saves, ms | {Medians.Of(plain):0.0} | {Medians.Of(captured):0.0} | {Medians.Of(ratios):0.00} | {ratios.Min():0.00} to {ratios.Max():0.00} |");
        Console.WriteLine();
        Console.WriteLine($"Allocated per captured change: {Medians.Of(bytes):N0} bytes (median; {bytes.Min():N0} to {bytes.Max():N0}).");
        return 0;
    }

    private static async Task<(double Seconds, long Bytes)> SaveAsync(IServiceProvider services, int entities, bool capture)
    {
        var file = Path.Combine(Path.GetTempPath(), $"changes-{Guid.NewGuid():N}.db");
        try
        {
            await using var scope = services.CreateAsyncScope();
            var options = new DbContextOptionsBuilder<BenchContext>().UseSqlite($"Data Source={file};Pooling=False");
            if (capture)
            {
                options.AddAuditTrail(scope.ServiceProvider);
            }

            await using var db = new BenchContext(options.Options);
            await db.Database.EnsureCreatedAsync();
            var items = Enumerable.Range(0, entities).Select(i => new BenchItem { Name = $"item-{i}", Price = i, Stock = i % 10 }).ToList();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            db.Items.AddRange(items);
            await db.SaveChangesAsync();
            foreach (var item in items)
            {
                item.Price += 1;
            }

            await db.SaveChangesAsync();
            clock.Stop();
            return (clock.Elapsed.TotalSeconds, GC.GetTotalAllocatedBytes(precise: true) - allocated);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private sealed class BenchContext(DbContextOptions<BenchContext> options) : DbContext(options)
    {
        public DbSet<BenchItem> Items => Set<BenchItem>();
    }

    private sealed class BenchItem
    {
        public int Id { get; set; }

        public required string Name { get; set; }

        public decimal Price { get; set; }

        public int Stock { get; set; }
    }

    /// <summary>Takes every unit and keeps nothing: the run measures the app's side only.</summary>
    private sealed class DroppingStore : IAuditStore
    {
        public string Identity => "dropping";

        public Task WriteAsync(IReadOnlyList<AuditUnit> units, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
