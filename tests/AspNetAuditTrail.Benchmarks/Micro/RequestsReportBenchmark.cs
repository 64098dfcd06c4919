using System.Diagnostics;
using System.Security.Claims;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Reports.Pdf;
using AspNetAuditTrail.Sqlite;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AspNetAuditTrail.Benchmarks.Micro;

/// <summary>
/// The requests report over 50,000 rows of a SQLite audit database: time, allocations, and the process's peak
/// working set (printed at the end, since BenchmarkDotNet measures allocations, not peaks).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class RequestsReportBenchmark
{
    private string _directory = "";
    private SqliteAuditStore _store = null!;

    [Params(50_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public async Task SeedAsync()
    {
        _directory = Directory.CreateTempSubdirectory("audit-bench-").FullName;
        _store = new SqliteAuditStore($"Data Source={Path.Combine(_directory, "audit.db")}", TimeProvider.System);
        await _store.MigrateAsync(CancellationToken.None);
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var chunk in Enumerable.Range(0, Rows).Chunk(5_000))
        {
            await _store.WriteAsync(chunk.Select(i => new AuditUnit
            {
                Request = new RequestAuditEvent
                {
                    Id = Guid.CreateVersion7(start.AddSeconds(i)),
                    OccurredAt = start.AddSeconds(i),
                    Method = "GET",
                    Scheme = "https",
                    Path = $"/api/products/{i % 50}/a/long/path/segment/{i}",
                    QueryString = $"q={i}&tag=a,b",
                    StatusCode = i % 10 == 0 ? 404 : 200,
                    DurationMs = i % 300 / 3.0,
                    UserId = $"user-{i % 20}",
                    IpAddress = "203.0.113.7",
                    RequestBodyStatus = BodyCaptureStatus.None,
                    ResponseBodyStatus = BodyCaptureStatus.None,
                },
            }).ToArray(), CancellationToken.None);
        }
    }

    [Benchmark]
    public async Task<long> RequestsPdf()
    {
        var context = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "benchmark")], "bench")),
        };
        var result = (FileStreamHttpResult)await ReportEndpoints.RequestsAsync(context, _store, TimeProvider.System);
        return result.FileStream.Length;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"// Peak working set: {process.PeakWorkingSet64 / (1024 * 1024)} MB");
        Directory.Delete(_directory, recursive: true);
    }
}
