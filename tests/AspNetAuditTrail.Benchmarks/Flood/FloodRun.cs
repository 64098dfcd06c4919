using System.Diagnostics;
using System.Globalization;
using System.Text;
using AspNetAuditTrail.Benchmarks.Load;

namespace AspNetAuditTrail.Benchmarks.Flood;

/// <summary>
/// The memory flood: 20,000 POSTs with 64 KB JSON bodies at concurrency 32 against the benchmark API in a child
/// process, audited to SQLite with bodies, side by side: bare, the queue bounded by count only (the old bound), and
/// bounded by size too (the default). Reports the child's peak resident memory (VmHWM) and what it holds after.
/// </summary>
internal static class FloodRun
{
    private const int Requests = 20_000;
    private const int Concurrency = 32;

    private static readonly (string Name, string Store, long QueueBytes)[] Setups =
    [
        ("bare (no audit)", "none", 0),
        ("SQLite, queue bounded by count only", "sqlite", long.MaxValue),
        ("SQLite, queue bounded by size too (64 MiB, the default)", "sqlite", 64L * 1024 * 1024),
    ];

    public static async Task<int> RunAsync()
    {
        var body = Encoding.UTF8.GetBytes($$"""{"productId":7,"quantity":1,"cardNumber":"4111111111111111","note":"{{new string('n', 64 * 1024)}}"}""");
        Console.WriteLine($"| setup | peak RSS (MiB) | RSS 10 s after (MiB) | requests/s |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, store, queueBytes) in Setups)
        {
            var folder = Directory.CreateTempSubdirectory("audit-flood-").FullName;
            using var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!)
            {
                ArgumentList = { typeof(FloodRun).Assembly.Location, "flood-api", store, queueBytes.ToString(CultureInfo.InvariantCulture), folder },
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            var port = int.Parse((await child.StandardOutput.ReadLineAsync())!.Split(' ')[1], CultureInfo.InvariantCulture);
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var clock = Stopwatch.StartNew();
            var next = 0;
            await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
            {
                while (Interlocked.Increment(ref next) <= Requests)
                {
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new("application/json");
                    using var response = await client.PostAsync("/api/orders", content);
                }
            }));
            var rate = Requests / clock.Elapsed.TotalSeconds;
            await Task.Delay(TimeSpan.FromSeconds(10));
            var (peak, now) = Memory(child.Id);
            child.Kill();
            await child.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
            Console.WriteLine($"| {name} | {peak / 1024.0:N0} | {now / 1024.0:N0} | {rate:N0} |");
        }

        return 0;
    }

    /// <summary>The child side: the benchmark API, printing <c>PORT n</c> once it listens.</summary>
    public static async Task<int> ServeAsync(string store, long queueBytes, string folder)
    {
        var setup = new LoadSetup(store == "none" ? AuditedStore.None : AuditedStore.Sqlite, Bodies: true);
        await using var api = await BenchmarkApi.StartAsync(
            setup, $"Data Source={Path.Combine(folder, "audit.db")}", Path.Combine(folder, "journal"), batchSize: null,
            options => options.QueueCapacityBytes = queueBytes);
        Console.WriteLine($"PORT {api.Port}");
        await Task.Delay(Timeout.Infinite);
        return 0;
    }

    /// <summary>Peak and current resident memory of a process, in KiB (Linux /proc).</summary>
    private static (long Peak, long Now) Memory(int pid)
    {
        long Read(string key) => long.Parse(
            File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0],
            CultureInfo.InvariantCulture);
        return (Read("VmHWM"), Read("VmRSS"));
    }
}
