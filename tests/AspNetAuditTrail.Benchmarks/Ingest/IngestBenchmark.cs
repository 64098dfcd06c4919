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

/// <summary>
/// Events per second from the queue into rows: the queue is filled with the events first, then the writer is
/// started and stopped (it drains in batches, as it does under load) and timed; the same events are then
/// written by <see cref="RawBulkWriter"/> into a fresh database. Both end with every row counted.
/// </summary>
internal sealed class IngestBenchmark(BenchmarkDatabases databases, int events, int? batchSize)
{
    public async Task<IngestResult> RunAsync(AuditedStore store)
    {
        var units = IngestEvents.Create(events);
        var pipeline = await TimeAsync(store, connectionString => ThroughPipelineAsync(store, connectionString, units));
        var raw = await TimeAsync(store, connectionString => RawBulkWriter.WriteAsync(store, connectionString, units));
        return new IngestResult(store, events, pipeline, raw);
    }

    private async Task<double> TimeAsync(AuditedStore store, Func<string, Task> write)
    {
        var connectionString = await databases.CreateAsync(store);
        using (var schema = NewHost(store, connectionString))
        {
            await schema.Services.GetRequiredService<IAuditSchemaMigrator>().MigrateAsync(CancellationToken.None);
        }

        var watch = Stopwatch.StartNew();
        await write(connectionString);
        watch.Stop();
        var rows = await BenchmarkDatabases.CountAsync(store, connectionString, AuditTables.Request.Name);
        return rows == events
            ? watch.Elapsed.TotalSeconds
            : throw new InvalidOperationException($"{store}: {rows:N0} rows written instead of {events:N0}.");
    }

    private async Task ThroughPipelineAsync(AuditedStore store, string connectionString, AuditUnit[] units)
    {
        using var host = NewHost(store, connectionString);
        var queue = host.Services.GetRequiredService<AuditQueue>();
        foreach (var unit in units)
        {
            queue.Enqueue(unit);
        }

        await host.StartAsync();
        await host.StopAsync(Timeout.InfiniteTimeSpan);
    }

    private IHost NewHost(AuditedStore store, string connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "ingest-benchmark" });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        var audit = builder.Services.AddAuditTrail(options =>
        {
            options.ConnectionString = connectionString;
            options.QueueCapacity = events;
            options.QueueCapacityBytes = long.MaxValue; // every event in the queue: none goes through the journal
            options.BatchSize = batchSize ?? options.BatchSize;
            options.JournalFolder = databases.NewFolder();
        });
        _ = store == AuditedStore.Sqlite ? audit.UseSqlite() : audit.UsePostgreSql();
        return builder.Build();
    }
}
