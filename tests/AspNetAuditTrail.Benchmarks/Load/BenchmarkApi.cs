using System.Diagnostics.Metrics;
using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Writing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AspNetAuditTrail.Benchmarks.Load;

/// <summary>
/// A small products-and-orders API like the sample's, on Kestrel on loopback, audited (or not) as its
/// <see cref="LoadSetup"/> says. It counts the requests that reached it, and the audit events the pipeline
/// dropped or spilled to its journal, so that the run can tell how many events should be in the database.
/// </summary>
internal sealed class BenchmarkApi : IAsyncDisposable
{
    private static readonly Product[] Catalog = Enumerable.Range(1, 100)
        .Select(i => new Product(i, $"SKU-{i:0000}", $"Product {i}", 9.5m + i, InStock: i % 7 != 0))
        .ToArray();

    private readonly WebApplication _app;
    private readonly MeterListener _listener = new();
    private long _requests;
    private long _dropped;
    private long _spilled;
    private int _orders;

    private BenchmarkApi(WebApplication app, DiscardingStore discard)
    {
        _app = app;
        Discarded = discard;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AuditMetrics.MeterName && instrument.Name is "audit.events.dropped" or "audit.events.spilled")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
            Interlocked.Add(ref instrument.Name == "audit.events.dropped" ? ref _dropped : ref _spilled, value));
        _listener.Start();
    }

    /// <summary>Requests that reached the app.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Audit events the pipeline counted as dropped.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Audit events the pipeline put in its journal instead of the queue.</summary>
    public long Spilled => Interlocked.Read(ref _spilled);

    /// <summary>The store of the <see cref="AuditedStore.Discard"/> setup (unused by the others).</summary>
    public DiscardingStore Discarded { get; }

    /// <summary>The loopback port the API listens on, chosen by the system at start.</summary>
    public int Port => new Uri(_app.Urls.Single()).Port;

    /// <summary>Starts the API on a free loopback port (<see cref="Port"/>).</summary>
    public static async Task<BenchmarkApi> StartAsync(
        LoadSetup setup, string? connectionString, string journalFolder, int? batchSize, Action<AuditTrailOptions>? configure = null)
    {
        var discard = new DiscardingStore();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        PeerLogging.Add(builder, setup.Store, journalFolder);
        if (setup.Audited)
        {
            var audit = builder.Services.AddAuditTrail(options =>
            {
                options.RequestAuditUrls = ["^/api/"];
                options.MaskedFields = ["cardNumber"];
                options.JournalFolder = journalFolder;
                options.BatchSize = batchSize ?? options.BatchSize;
                options.WriteMode = setup.Strict ? AuditWriteMode.Synchronous : AuditWriteMode.Background;
                if (!setup.Bodies)
                {
                    options.SkipRequestBodyUrls = [new UrlRule { Pattern = ".*" }];
                    options.SkipResponseBodyUrls = [new UrlRule { Pattern = ".*" }];
                }

                configure?.Invoke(options);
            });
            _ = setup.Store switch
            {
                AuditedStore.Sqlite => audit.UseSqlite(connectionString),
                AuditedStore.Discard => audit.UseStore(_ => discard, discard.Identity),
                _ => audit.UsePostgreSql(connectionString),
            };
        }

        var api = new BenchmarkApi(builder.Build(), discard);
        var app = api._app;
        app.Use((context, next) =>
        {
            Interlocked.Increment(ref api._requests);
            return next(context);
        });
        PeerLogging.Use(app, setup.Store);
        if (setup.Audited)
        {
            app.UseRequestAudit();
        }

        app.MapGet("/api/products/{id:int}", (int id) =>
            id is >= 1 and <= 100 ? Results.Ok(Catalog[id - 1]) : Results.NotFound());
        app.MapPost("/api/orders", (OrderRequest request) =>
        {
            if (request.Quantity <= 0 || request.ProductId is < 1 or > 100)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["quantity"] = ["Must be positive."] });
            }

            var product = Catalog[request.ProductId - 1];
            var order = new Order(Interlocked.Increment(ref api._orders), product.Id, request.Quantity, product.Price * request.Quantity, "Accepted");
            return Results.Created($"/api/orders/{order.Id}", order);
        });
        await app.StartAsync();
        return api;
    }

    /// <summary>Stops the API; the audit writer drains its queue first.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        await _app.DisposeAsync();
    }

    private sealed record Product(int Id, string Sku, string Name, decimal Price, bool InStock);

    private sealed record OrderRequest(int ProductId, int Quantity, string? CardNumber, string? Note);

    private sealed record Order(int Id, int ProductId, int Quantity, decimal Total, string Status);
}
