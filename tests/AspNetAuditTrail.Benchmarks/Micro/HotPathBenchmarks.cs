using System.Text;
using AspNetAuditTrail.Capture;
using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Writing;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace AspNetAuditTrail.Benchmarks.Micro;

/// <summary>
/// The middleware's hot path, per request: the URL decision, masking a 4 KB JSON body, and a whole audited
/// request without bodies through the middleware up to the queue (time and bytes allocated).
/// </summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private readonly AuditSettings _settings = new(new AuditTrailOptions());
    private byte[] _json = [];
    private ServiceProvider _services = null!;
    private RequestAuditMiddleware _middleware = null!;
    private AuditQueue _queue = null!;

    private readonly RequestDelegate _next = context =>
    {
        context.Response.StatusCode = 200;
        return Task.CompletedTask;
    };

    [GlobalSetup]
    public void Setup()
    {
        var json = new StringBuilder("{\"customer\":{\"name\":\"Ana\",\"password\":\"hunter2\",\"cards\":[");
        for (var i = 0; json.Length < 4000; i++)
        {
            json.Append($"{{\"number\":\"4111-{i:0000}\",\"token\":\"t{i}\",\"label\":\"card {i}\"}},");
        }

        json.Length--;
        _json = Encoding.UTF8.GetBytes(json.Append("]}}").ToString());

        _services = new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { ApplicationName = "benchmarks" })
            .AddAuditTrail(o =>
            {
                o.QueueCapacity = 1_000_000;
                o.QueueCapacityBytes = long.MaxValue;
                o.JournalFolder = Directory.CreateTempSubdirectory("audit-bench-journal-").FullName;
            })
            .UseSqlite($"Data Source={Path.Combine(Path.GetTempPath(), "audit-bench-unused.db")}") // never written: the benchmark drains the queue itself
            .Services.BuildServiceProvider();
        _queue = _services.GetRequiredService<AuditQueue>();
        _middleware = ActivatorUtilities.CreateInstance<RequestAuditMiddleware>(_services, _next);
    }

    [Benchmark]
    public bool UrlDecisionAudited() => _settings.Urls.IsAudited("/api/products/42");

    [Benchmark]
    public bool UrlDecisionNotAudited() => _settings.Urls.IsAudited("/health");

    [Benchmark]
    public int MaskFourKilobytesOfJson() => _settings.Masker.TryMaskJson(_json, isComplete: true, out var masked) ? masked.Length : -1;

    /// <summary>The same request without the middleware: what the benchmark itself costs, to subtract.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> BareRequest()
    {
        using var scope = _services.CreateScope();
        var context = NewContext(scope);
        await _next(context);
        return context.Response.StatusCode;
    }

    [Benchmark]
    public async Task<int> AuditedRequestWithoutBodies()
    {
        using var scope = _services.CreateScope();
        var context = NewContext(scope);
        await _middleware.InvokeAsync(context);
        var drained = 0;
        while (_queue.TryRead(out _, out var size))
        {
            _queue.Release(size);
            drained++;
        }

        return drained;
    }

    private static DefaultHttpContext NewContext(IServiceScope scope)
    {
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = "GET";
        context.Request.Path = "/api/products/42";
        context.Request.QueryString = new QueryString("?page=2");
        return context;
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();
}
