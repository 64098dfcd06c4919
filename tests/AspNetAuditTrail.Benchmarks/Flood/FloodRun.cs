using System.Diagnostics;
using System.Globalization;
using System.Text;
using AspNetAuditTrail.Benchmarks.Load;

namespace AspNetAuditTrail.Benchmarks.Flood;

/// <summary>
/// The memory flood: 20,000 POSTs with 64 KB JSON bodies at concurrency 32 against the benchmark API in a child
/// process, audited to SQLite with bodies, side by side: bare; the database taking the rows; and the database refusing
/// them (so the queue fills), with the queue bounded by count only (the old bound) and by size too (the default).
/// Reports the child's peak resident memory (VmHWM) and what it holds 10 s after the flood.
/// </summary>
internal static class FloodRun
{
    private const int Requests = 20_000;
    private const int Concurrency = 32;

    private static readonly (string Name, string Store, long QueueBytes)[] Setups =
    [
        ("bare (no audit)", "none", 0),
        ("SQLite taking the rows", "sqlite", 64L * 1024 * 1024),
        ("SQLite refusing the rows, queue bounded by count only (10,000)", "refusing", long.MaxValue),
        ("SQLite refusing the rows, queue bounded by size too (64 MiB, the default)", "refusing", 64L * 1024 * 1024),
    ];

    public static async Task<int> RunAsync()
    {
        // 64 KB of short values, so that the 32 KB kept of each body (MaxBodySize) is mostly text, not one cut token.
        var items = string.Join(",", Enumerable.Range(0, 64 * 1024 / 16).Select(i => $"\"item-{i:000000}\""));
        var body = Encoding.UTF8.GetBytes($$"""{"productId":7,"quantity":1,"cardNumber":"4111111111111111","items":[{{items}}]}""");
        Console.WriteLine($"| setup | peak RSS (MiB) | RSS 10 s after (MiB) | requests/s |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, store, queueBytes) in Setups)
        {
            var folder = Directory.CreateTempSubdirectory("audit-flood-").FullName;
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            {
                start.ArgumentList.Add(typeof(FloodRun).Assembly.Location);
            }

            foreach (var argument in new[] { "flood-api", store, queueBytes.ToString(CultureInfo.InvariantCulture), folder })
            {
                start.ArgumentList.Add(argument);
            }

            using var child = Process.Start(start)!;
            string? line;
            while ((line = await child.StandardOutput.ReadLineAsync()) is not null && !line.StartsWith("PORT ", StringComparison.Ordinal))
            {
            }

            var port = int.Parse(line!.Split(' ')[1], CultureInfo.InvariantCulture);
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
        var database = $"Data Source={Path.Combine(folder, "audit.db")}" + (store == "refusing" ? ";Mode=ReadOnly" : "");
        await using var api = await BenchmarkApi.StartAsync(
            setup, database, Path.Combine(folder, "journal"), batchSize: null, options => options.QueueCapacityBytes = queueBytes);
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
