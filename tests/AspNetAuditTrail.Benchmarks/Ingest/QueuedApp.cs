using System.Diagnostics;
using AspNetAuditTrail.Benchmarks.Load;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Relational;
using AspNetAuditTrail.Storage;
using AspNetAuditTrail.Writing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AspNetAuditTrail.Benchmarks.Ingest;

/// <summary>The apps of the ingest runs: units queued before the writer starts, an empty audit database, and the wait for its rows.</summary>
internal static class QueuedApp
{
    /// <summary>
    /// An app that has the units queued before it starts, then stops: its writer drains them in batches, as under load.
    /// Returns the time from start to stop, and the process's CPU time and allocations per unit in it.
    /// </summary>
    public static async Task<(TimeSpan Elapsed, double CpuMicroseconds, double Bytes)> RunAsync(
        BenchmarkDatabases databases, AuditUnit[] units, Action<Configuration.AuditTrailBuilder> useStore)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "ingest-app" });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        useStore(builder.Services.AddAuditTrail(o => (o.QueueCapacity, o.QueueCapacityBytes, o.JournalFolder) = (units.Length, long.MaxValue, databases.NewFolder())));
        using var host = builder.Build();
        var queue = host.Services.GetRequiredService<AuditQueue>();
        foreach (var unit in units)
        {
            queue.Enqueue(unit);
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await host.StartAsync();
        await host.StopAsync(Timeout.InfiniteTimeSpan);
        return (watch.Elapsed, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / units.Length,
            (double)(GC.GetTotalAllocatedBytes(precise: true) - bytes) / units.Length);
    }

    /// <summary>A new audit database for the store, with its schema.</summary>
    public static async Task<string> PrepareAsync(BenchmarkDatabases databases, AuditedStore store)
    {
        var connectionString = await databases.CreateAsync(store);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "ingest-app" });
        var audit = builder.Services.AddAuditTrail(o => o.JournalFolder = databases.NewFolder());
        _ = store == AuditedStore.Sqlite ? audit.UseSqlite(connectionString) : audit.UsePostgreSql(connectionString);
        using var host = builder.Build();
        await host.Services.GetRequiredService<IAuditSchemaMigrator>().MigrateAsync(CancellationToken.None);
        return connectionString;
    }

    /// <summary>Waits until the database holds <paramref name="rows"/> request rows (five minutes at most).</summary>
    public static async Task UntilCountedAsync(AuditedStore store, string connectionString, long rows)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (await BenchmarkDatabases.CountAsync(store, connectionString, AuditTables.Request.Name) < rows)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{store}: fewer than {rows:N0} rows after five minutes.");
            }

            await Task.Delay(20);
        }
    }
}
