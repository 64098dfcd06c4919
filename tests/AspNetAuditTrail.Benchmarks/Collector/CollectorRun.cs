using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using AspNetAuditTrail.Benchmarks.Ingest;
using AspNetAuditTrail.Benchmarks.Load;
using AspNetAuditTrail.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AspNetAuditTrail.Benchmarks.Collector;

/// <summary>
/// The collector's ingest over HTTP next to the store's own, in one run, rounds interleaved: the same request rows
/// written (a) by an app's pipeline straight into the store and (b) by an app forwarding them (signed, gzip batches)
/// to a collector in another process that writes them into the same kind of store. Each ends when every row is
/// counted in the database. The forwarding app's CPU time and allocations per event are its cost of forwarding.
/// </summary>
internal static class CollectorRun
{
    private const string Service = "bench-api";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var events = args.Contains("--events") ? int.Parse(args[args.ToList().IndexOf("--events") + 1], CultureInfo.InvariantCulture) : 50_000;
        var rounds = args.Contains("--rounds") ? int.Parse(args[args.ToList().IndexOf("--rounds") + 1], CultureInfo.InvariantCulture) : 3;
        await using var databases = new BenchmarkDatabases();
        var stores = new List<AuditedStore> { AuditedStore.Sqlite };
        if (!args.Contains("--no-postgresql"))
        {
            await databases.StartPostgreSqlAsync();
            stores.Add(AuditedStore.PostgreSql);
        }

        var folder = databases.NewFolder();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var privateKey = Path.Combine(folder, "bench.private.pem");
        var publicKey = Path.Combine(folder, "bench.public.pem");
        File.WriteAllText(privateKey, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(publicKey, key.ExportSubjectPublicKeyInfoPem());

        Console.WriteLine($"{events:N0} request rows a round, {rounds} rounds interleaved, medians; {Environment.ProcessorCount} cores");
        Console.WriteLine("| store | store's own ingest (rows/s) | its CPU per row | through the collector (rows/s) | ratio | forwarding app: CPU per event | bytes per event | collector: CPU per event |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var store in stores)
        {
            // One database for each side, appended to round after round, and one collector process for the whole run,
            // warmed up (JIT, tiering) on a round of its own first, as a collector that has been running would be.
            var directDatabase = await QueuedApp.PrepareAsync(databases, store);
            var collectorDatabase = await QueuedApp.PrepareAsync(databases, store);
            using var collector = await StartCollectorAsync(store, collectorDatabase, publicKey);
            void Forward(Configuration.AuditTrailBuilder audit) => audit.UseCollector(o =>
            {
                o.Url = collector.Url;
                o.ServiceName = Service;
                o.PrivateKeyPath = privateKey;
            });
            await QueuedApp.RunAsync(databases, IngestEvents.Create(events), Forward);
            await FlushAsync(collector.Url, key);
            await QueuedApp.UntilCountedAsync(store, collectorDatabase, events);

            var direct = new List<(double Rate, double CpuMicroseconds)>();
            var forwarded = new List<(double Rate, double CpuMicroseconds, double Bytes, double CollectorCpuMicroseconds)>();
            for (var round = 1; round <= rounds; round++)
            {
                direct.Add(await DirectAsync(databases, store, directDatabase, IngestEvents.Create(events), (round - 1) * events));
                forwarded.Add(await ForwardedAsync(databases, store, collectorDatabase, collector, IngestEvents.Create(events), round * events, Forward, key));
            }

            var rate = Medians.Of(direct.Select(d => d.Rate));
            var through = Medians.Of(forwarded.Select(f => f.Rate));
            Console.WriteLine(
                $"| {store} | {rate:N0} | {Medians.Of(direct.Select(d => d.CpuMicroseconds)):0.0} µs | {through:N0} | {through / rate:0.00} | " +
                $"{Medians.Of(forwarded.Select(f => f.CpuMicroseconds)):0.0} µs | {Medians.Of(forwarded.Select(f => f.Bytes)):N0} B | {Medians.Of(forwarded.Select(f => f.CollectorCpuMicroseconds)):0.0} µs |");
        }

        return 0;
    }

    /// <summary>The child side: a collector on a free loopback port writing into the given store; prints <c>PORT n</c>.</summary>
    public static async Task<int> ServeAsync(string store, string connectionString, string publicKey)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var audit = builder.Services.AddAuditTrail(o =>
        {
            o.ConnectionString = connectionString;
            o.QueueCapacity = 1_000_000;

            o.JournalFolder = Path.Combine(Path.GetDirectoryName(publicKey)!, "collector-journal-" + Guid.NewGuid().ToString("N"));
        });
        _ = store == nameof(AuditedStore.Sqlite) ? audit.UseSqlite() : audit.UsePostgreSql();
        builder.Services.AddAuditTrailCollector(o => o.Services[Service] = new() { PublicKeyPath = publicKey });
        await using var app = builder.Build();
        app.MapAuditTrailCollector("/events");
        await app.StartAsync();
        Console.WriteLine($"PORT {new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port}");
        await app.WaitForShutdownAsync();
        return 0;
    }

    private static async Task<(double Rate, double CpuMicroseconds)> DirectAsync(
        BenchmarkDatabases databases, AuditedStore store, string connectionString, AuditUnit[] units, long before)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await QueuedApp.RunAsync(databases, units, audit => _ = store == AuditedStore.Sqlite ? audit.UseSqlite(connectionString) : audit.UsePostgreSql(connectionString));
        await QueuedApp.UntilCountedAsync(store, connectionString, before + units.Length);
        return (units.Length / watch.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / units.Length);
    }

    private static async Task<(double Rate, double CpuMicroseconds, double Bytes, double CollectorCpuMicroseconds)> ForwardedAsync(
        BenchmarkDatabases databases, AuditedStore store, string connectionString, CollectorChild collector, AuditUnit[] units, long after,
        Action<Configuration.AuditTrailBuilder> forward, ECDsa key)
    {
        collector.Process.Refresh();
        var collectorCpu = collector.Process.TotalProcessorTime;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await QueuedApp.RunAsync(databases, units, forward);
        var spentCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var spentBytes = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        await FlushAsync(collector.Url, key);
        await QueuedApp.UntilCountedAsync(store, connectionString, after);
        var elapsed = watch.Elapsed;
        collector.Process.Refresh();
        return (units.Length / elapsed.TotalSeconds, spentCpu.TotalMicroseconds / units.Length, (double)spentBytes / units.Length,
            (collector.Process.TotalProcessorTime - collectorCpu).TotalMicroseconds / units.Length);
    }

    /// <summary>A collector in a process of its own (as it runs in production), on a free loopback port.</summary>
    private static async Task<CollectorChild> StartCollectorAsync(AuditedStore store, string connectionString, string publicKey)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(CollectorRun).Assembly.Location);
        }

        foreach (var argument in new[] { "collector-api", store.ToString(), connectionString, publicKey })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync()) is not null && !line.StartsWith("PORT ", StringComparison.Ordinal))
        {
        }

        return new CollectorChild(process, $"http://127.0.0.1:{line!.Split(' ')[1]}");
    }

    /// <summary>Has the collector write what it holds now (its writer would wait up to its flush interval), with a signed call.</summary>
    private static async Task FlushAsync(string url, ECDsa key)
    {
        var now = DateTime.UtcNow;
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(
            new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
            {
                Issuer = Service,
                Audience = "audit-collector",
                IssuedAt = now,
                NotBefore = now,
                Expires = now.AddMinutes(1),
                Claims = new Dictionary<string, object>
                {
                    ["jti"] = Guid.NewGuid().ToString(),
                    ["scope"] = "audit.read",
                    ["body_sha256"] = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(SHA256.HashData(Array.Empty<byte>())),
                },
                SigningCredentials = new(new Microsoft.IdentityModel.Tokens.ECDsaSecurityKey(key), "ES256"),
            });
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{url}/flush");
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("X-M2M-Service", Service);
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
    }
}
