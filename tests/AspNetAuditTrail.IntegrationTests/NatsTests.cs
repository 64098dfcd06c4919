using System.Diagnostics.Metrics;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.IntegrationTests.Databases;
using AspNetAuditTrail.Nats;
using AspNetAuditTrail.Reading;
using AspNetAuditTrail.Storage;
using AspNetAuditTrail.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NATS.Client.Core;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>
/// A real three-node JetStream cluster (stream of three replicas) between two sample APIs and two collectors writing
/// into PostgreSQL: nodes and collectors die under load, NATS goes away for 20 seconds, and every event lands once.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class NatsTests(PostgreSqlServer server) : DatabaseTest(new PostgreSqlAuditDatabase(server, fresh: false))
{
    private NatsCluster? _nats;

    private NatsCluster Nats => _nats!;

    /// <summary>Starts this test's cluster, removed when the returned handle is disposed.</summary>
    private async Task<NatsCluster> StartNatsAsync()
    {
        if (!NatsCluster.IsInstalled)
        {
            Assert.Skip("No NATS server: install Debian's nats-server (.ci/run does).");
        }

        return _nats = await NatsCluster.StartAsync();
    }

    [Fact]
    public async Task TwoAppsAndTwoCollectorsLoseAndRepeatNothingWhenANodeAndACollectorDieUnderLoad()
    {
        await using var nats = await StartNatsAsync();
        var inner = Database.CreateStore();
        var stalling = new StallingStore(inner, afterWrites: 3);
        await using var first = await CollectorAsync();
        var second = await CollectorAsync(s =>
        {
            s.Replace(ServiceDescriptor.Singleton<IAuditStore>(stalling));
            s.Replace(ServiceDescriptor.Singleton((IAuditReader)inner));
            s.Replace(ServiceDescriptor.Singleton((IAuditSchemaMigrator)inner));
        });
        await using var shopA = Sample("shop-a");
        await using var shopB = Sample("shop-b");
        var (clientA, clientB) = (shopA.CreateClient(), shopB.CreateClient());

        // Load runs until the second collector has been stopped, and for at least 3,000 requests per app.
        var stopped = new TaskCompletionSource();
        var load = Task.WhenAll(LoadAsync(clientA, stopped.Task), LoadAsync(clientB, stopped.Task));
        await WaitForAsync(() => Requests() >= 600, "the first rows");
        await Nats.KillAsync(0);
        await WaitForAsync(() => stalling.Stalled, "the second collector to stall in the middle of a batch");
        await second.DisposeAsync();
        stopped.SetResult();
        var sent = await load;
        var failed = sent.Sum(s => s.Failed);

        // The apps keep running: what their writers put in the journal while a node was gone is sent from there.
        try
        {
            await Database.WaitForRowsAsync("request_audit_event", sent.Sum(s => s.Sent), timeout: TimeSpan.FromSeconds(120));
        }
        catch (Xunit.Sdk.XunitException)
        {
            await ReportAsync(("shop-a", shopA.Services, "audit-trail"), ("shop-b", shopB.Services, "audit-trail"), ("collector", first.Services, "audit-trail-nats"));
            throw;
        }

        await WaitForAsync(async () => await LagAsync(first) == 0, "the backlog to drain");
        TestContext.Current.TestOutputHelper?.WriteLine($"{sent[0].Sent} + {sent[1].Sent} requests; {stalling.Committed} units committed by the second collector before it stalled without acknowledging them");
        Assert.Equal(0, failed);
        Assert.True(stalling.Committed > 0);
        var metrics = Metrics(first);
        Assert.Equal(0, metrics["audit.nats.consumer.lag"]);
        Assert.True(metrics["audit.nats.consumer.written"] > 0);
        Assert.True(metrics["audit.nats.consumer.redelivered"] > 0, "The stalled collector's messages should have been delivered again to the first.");
        foreach (var (service, perApp) in new[] { ("shop-a", sent[0].Sent), ("shop-b", sent[1].Sent) })
        {
            Assert.Equal(perApp, Database.Scalar<long>($"SELECT count(*) FROM {Database.Requests} WHERE service_name = '{service}'"));
            Assert.Equal(perApp, Database.Scalar<long>($"SELECT count(DISTINCT query_string) FROM {Database.Requests} WHERE service_name = '{service}'"));
        }
    }

    [Fact]
    public async Task NatsDownForTwentySecondsCostsNoRequestAndNoEvent()
    {
        await using var nats = await StartNatsAsync();
        await using var collector = await CollectorAsync();
        await using var sample = Sample("shop-a", ("AuditTrail:CircuitBreakDuration", "00:00:01"), ("AuditTrail:RetryDelay", "00:00:00.100"));
        var client = sample.CreateClient();
        var failed = await SampleLoad.SendAsync(client, 0, 1_000);
        await Database.WaitForRowsAsync("request_audit_event", 1_000, timeout: TimeSpan.FromSeconds(30));

        for (var i = 0; i < Nats.Count; i++)
        {
            await Nats.KillAsync(i);
        }

        var down = DateTime.UtcNow;
        var sentWhileDown = 0;
        while (DateTime.UtcNow - down < TimeSpan.FromSeconds(20))
        {
            failed += await SampleLoad.SendAsync(client, 1_000 + sentWhileDown, 100);
            sentWhileDown += 100;
            await Task.Delay(200, Token);
        }

        var health = (await sample.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "audit-trail", Token)).Entries["audit-trail"];
        TestContext.Current.TestOutputHelper?.WriteLine($"health while NATS was down: {health.Status}, {health.Description}");
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.False((bool)health.Data["storeReachable"]);
        Assert.True((long)health.Data["journalBytes"] > 0 || (long)health.Data["spilledLast5Minutes"] > 0, "The events should have gone to the journal.");

        for (var i = 0; i < Nats.Count; i++)
        {
            Nats.Start(i);
        }

        await Nats.WaitForLeaderAsync();
        failed += await SampleLoad.SendAsync(client, 1_000 + sentWhileDown, 1_000);

        var total = 2_000 + sentWhileDown;
        TestContext.Current.TestOutputHelper?.WriteLine($"{total} requests, {sentWhileDown} of them while NATS was down");
        await Database.WaitForRowsAsync("request_audit_event", total, timeout: TimeSpan.FromSeconds(120));
        Assert.Equal(0, failed);
        Assert.Equal(total, Requests());
        Assert.Equal(total, Database.Scalar<long>($"SELECT count(DISTINCT query_string) FROM {Database.Requests}"));
    }

    [Fact]
    public async Task ABatchPublishedAgainAfterALostAcknowledgementCountsAsWrittenAndLandsOnce()
    {
        await using var nats = await StartNatsAsync();
        await using var collector = await CollectorAsync();
        var options = new NatsPublishOptions { Url = Nats.Url, Replicas = 3, Timeout = TimeSpan.FromSeconds(3) };
        await using var store = new NatsAuditStore(options, "audit.shop-a", "shop-a");
        var at = DateTimeOffset.UtcNow;
        AuditUnit[] units = [.. Enumerable.Range(0, 50).Select(n => new AuditUnit
        {
            Request = new RequestAuditEvent
            {
                Id = Guid.CreateVersion7(), OccurredAt = at.AddMilliseconds(n), Method = "GET", Scheme = "https", Path = "/api/again",
                QueryString = $"?n={n}", StatusCode = 200, DurationMs = 1, RequestBodyStatus = BodyCaptureStatus.None, ResponseBodyStatus = BodyCaptureStatus.None,
            },
        })];

        // The first try was stored (tried again while the new stream elects its leader), but its acknowledgement never
        // reached the app: the writer sends the batch again.
        await WaitForAsync(async () =>
        {
            try
            {
                await store.WriteAsync(units, Token);
                return true;
            }
            catch (Exception ex) when (ex is NatsNoRespondersException or TimeoutException)
            {
                return false;
            }
        }, "the stream to take the first try");
        await store.WriteAsync(units, Token);

        await Database.WaitForRowsAsync("request_audit_event", units.Length, timeout: TimeSpan.FromSeconds(30));
        await WaitForAsync(async () => await LagAsync(collector) == 0, "the collector to take every message");
        Assert.Equal(units.Length, Requests());
        Assert.Equal(units.Length, Metrics(collector)["audit.nats.consumer.written"]);
    }

    /// <summary>Sends distinct requests in rounds of 200 until <paramref name="stop"/> is done and at least 3,000 were sent.</summary>
    private static async Task<(int Sent, int Failed)> LoadAsync(HttpClient client, Task stop)
    {
        var (sent, failed) = (0, 0);
        while (sent < 3_000 || !stop.IsCompleted)
        {
            failed += await SampleLoad.SendAsync(client, sent, 200);
            sent += 200;
        }

        return (sent, failed);
    }

    private long Requests() => Database.Scalar<long>($"SELECT count(*) FROM {Database.Requests}");

    private SampleApp Sample(string service, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["AuditTrail:Provider"] = "NatsJetStream",
            ["AuditTrail:ServiceName"] = service,
            ["AuditTrail:Nats:Url"] = Nats.Url,
            ["AuditTrail:Nats:Replicas"] = "3",
            ["AuditTrail:Nats:Timeout"] = "00:00:03",
            ["AuditTrail:FlushInterval"] = "00:00:00.050",
        };
        foreach (var (k, v) in settings)
        {
            all[k] = v;
        }

        return new SampleApp(Database, all);
    }

    private Task<CollectorHost> CollectorAsync(Action<IServiceCollection>? services = null) =>
        CollectorHost.StartAsync(Database, [], services: s =>
        {
            s.ConsumeNatsJetStream(o =>
            {
                o.Url = Nats.Url;
                o.Replicas = 3;
                o.BatchSize = 200;
                o.Timeout = TimeSpan.FromSeconds(3);
                o.AckWait = TimeSpan.FromSeconds(5);
            });
            services?.Invoke(s);
        });

    /// <summary>Writes each host's health (status, description, data) to the test's output, to show where rows wait.</summary>
    private static async Task ReportAsync(params (string Name, IServiceProvider Services, string Check)[] hosts)
    {
        foreach (var (name, services, check) in hosts)
        {
            var entry = (await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == check, Token)).Entries[check];
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{name}: {entry.Status}, {entry.Description}; {string.Join(", ", entry.Data.Select(d => $"{d.Key}={d.Value}"))}");
        }
    }

    /// <summary>The collector's <c>audit.nats.consumer.*</c> metrics, as a metrics exporter reads them.</summary>
    private static Dictionary<string, long> Metrics(CollectorHost collector)
    {
        var scope = collector.Services.GetRequiredService<IMeterFactory>();
        var values = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == scope && instrument.Name.StartsWith("audit.nats.consumer.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => values[instrument.Name] = value);
        listener.Start();
        listener.RecordObservableInstruments();
        return values;
    }

    private static async Task<long> LagAsync(CollectorHost collector)
    {
        var report = await collector.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "audit-trail-nats", Token);
        return (long)report.Entries["audit-trail-nats"].Data["lag"];
    }

    private static Task WaitForAsync(Func<bool> condition, string what) => WaitForAsync(() => Task.FromResult(condition()), what);

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Timed out waiting for {what}.");
            await Task.Delay(100, Token);
        }
    }

    /// <summary>A store that writes its first batches, then commits one more and hangs before returning: a collector dying between its commit and its acknowledgement.</summary>
    private sealed class StallingStore(IAuditStore inner, int afterWrites) : IAuditStore
    {
        private int _writes;

        public bool Stalled { get; private set; }

        public int Committed { get; private set; }

        public string Identity => inner.Identity;

        public Task PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);

        public async Task WriteAsync(IReadOnlyList<AuditUnit> units, CancellationToken cancellationToken)
        {
            await inner.WriteAsync(units, cancellationToken);
            if (Interlocked.Increment(ref _writes) > afterWrites)
            {
                Committed = units.Count;
                Stalled = true;
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
        }
    }
}
