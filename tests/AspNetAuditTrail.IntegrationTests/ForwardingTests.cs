using AspNetAuditTrail.IntegrationTests.Databases;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>Two real hosts: the sample API forwarding its trail over loopback HTTP to a collector that stores it in the test's database.</summary>
public abstract class ForwardingTests(AuditDatabase database) : DatabaseTest(database)
{
    private protected static readonly M2mSender SampleApi = M2mSender.Create("sample-api");

    protected long Requests(string where = "1 = 1") => Database.Scalar<long>($"SELECT count(*) FROM {Database.Requests} WHERE {where}");

    /// <summary>The sample, forwarding to <paramref name="url"/> as sample-api with the test's key.</summary>
    private protected static SampleApp ForwardingSample(AuditDatabase database, string url, params (string Key, string Value)[] settings)
    {
        var key = Path.Combine(Directory.CreateTempSubdirectory("sample-key-").FullName, "sample-api.private.pem");
        File.WriteAllText(key, SampleApi.PrivateKeyPem);
        var all = new Dictionary<string, string?>
        {
            ["AuditTrail:Provider"] = "Collector",
            ["AuditTrail:Collector:Url"] = url,
            ["AuditTrail:Collector:PrivateKeyPath"] = key,
            ["AuditTrail:FlushInterval"] = "00:00:00.050",
        };
        foreach (var (k, v) in settings)
        {
            all[k] = v;
        }

        return new SampleApp(database, all);
    }

    [Fact]
    public async Task TenThousandRequestsLandAtTheCollectorEachOnceUnderTheSamplesName()
    {
        await using var collector = await CollectorHost.StartAsync(Database, [SampleApi]);
        var sample = ForwardingSample(Database, collector.Client.BaseAddress!.ToString());
        var failed = await SampleLoad.SendAsync(sample.CreateClient(), 0, 10_000);
        await sample.DisposeAsync();

        await Database.WaitForRowsAsync("request_audit_event", 10_000, timeout: TimeSpan.FromSeconds(60));
        Assert.Equal(0, failed);
        Assert.Equal(10_000L, Requests());
        Assert.Equal(10_000L, Requests("service_name = 'sample-api'"));
        Assert.Equal(10_000L, Database.Scalar<long>($"SELECT count(DISTINCT query_string) FROM {Database.Requests}"));
    }

    [Fact]
    public async Task ABatchTheCollectorRefusesIsSetAsideNotRetriedForever()
    {
        // The collector takes at most 10 rows a call and the app holds its 50 units for one batch, sent when it stops:
        // that one call is a 400.
        await using var collector = await CollectorHost.StartAsync(Database, [SampleApi], o => o.MaxBatchItems = 10);
        var sample = ForwardingSample(Database, collector.Client.BaseAddress!.ToString(), ("AuditTrail:FlushInterval", "00:05:00"));
        var journal = sample.JournalFolder;
        await SampleLoad.SendAsync(sample.CreateClient(), 0, 50);
        await sample.DisposeAsync();

        var rejected = Directory.GetFiles(journal, "*.journal.rejected", SearchOption.AllDirectories);
        Assert.Equal(50, File.ReadAllLines(Assert.Single(rejected)).Length);
        Assert.DoesNotContain(Directory.GetFiles(journal, "*.journal", SearchOption.AllDirectories), f => new FileInfo(f).Length > 0);
        Assert.Equal(0L, Requests());
    }
}

/// <summary>The collector stopped for 20 s in the middle of load (PostgreSQL, as in production).</summary>
public abstract class ForwardingOutageTests(AuditDatabase database) : ForwardingTests(database)
{
    [Fact]
    public async Task ACollectorDownForTwentySecondsCostsNoRequestAndNoEvent()
    {
        var collector = await CollectorHost.StartAsync(Database, [SampleApi]);
        var url = collector.Client.BaseAddress!.ToString();
        var sample = ForwardingSample(Database, url, ("AuditTrail:CircuitBreakDuration", "00:00:01"), ("AuditTrail:RetryDelay", "00:00:00.100"));
        var client = sample.CreateClient();

        var failed = await SampleLoad.SendAsync(client, 0, 2_000);
        await Database.WaitForRowsAsync("request_audit_event", 2_000, timeout: TimeSpan.FromSeconds(30));
        await collector.DisposeAsync();
        var down = DateTime.UtcNow;
        var sentWhileDown = 0;
        while (DateTime.UtcNow - down < TimeSpan.FromSeconds(20))
        {
            failed += await SampleLoad.SendAsync(client, 2_000 + sentWhileDown, 100);
            sentWhileDown += 100;
            await Task.Delay(200, Token);
        }

        await using var back = await CollectorHost.StartAsync(Database, [SampleApi], url: url.TrimEnd('/'));
        failed += await SampleLoad.SendAsync(client, 2_000 + sentWhileDown, 2_000);
        await sample.DisposeAsync();

        var total = 4_000 + sentWhileDown;
        TestContext.Current.TestOutputHelper?.WriteLine($"{total} requests, {sentWhileDown} of them while the collector was down");
        await Database.WaitForRowsAsync("request_audit_event", total, timeout: TimeSpan.FromSeconds(60));
        Assert.Equal(0, failed);
        Assert.Equal(total, Requests());
        Assert.Equal(total, Database.Scalar<long>($"SELECT count(DISTINCT query_string) FROM {Database.Requests}"));
    }
}
