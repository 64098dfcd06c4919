using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AspNetAuditTrail.Collector;
using AspNetAuditTrail.IntegrationTests.Databases;
using Microsoft.Extensions.DependencyInjection;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>The collector on loopback HTTP: who may send, what it takes, what it refuses; rows read back through SQL.</summary>
public abstract class CollectorTests(AuditDatabase database) : DatabaseTest(database)
{
    private static readonly M2mSender Sample = M2mSender.Create("sample-api");
    private static readonly M2mSender Billing = M2mSender.Create("billing-api");

    private long Count(string table, string where = "1 = 1") => Database.Scalar<long>($"SELECT count(*) FROM {Database.Table(table)} WHERE {where}");

    private static string Batch(params string[] items) => $$"""{"version":1,"items":[{{string.Join(",", items)}}]}""";

    private static string Event(string action, string? id = null, string extra = "") =>
        $$"""{"kind":"event","action":"{{action}}"{{(id is null ? "" : $",\"id\":\"{id}\"")}}{{extra}}}""";

    private sealed class Directory : IAuditUserResolver
    {
        public ValueTask<string?> ResolveAsync(string serviceName, string userKey, CancellationToken cancellationToken) =>
            ValueTask.FromResult<string?>($"{serviceName}/{userKey}");
    }

    [Fact]
    public async Task ASignedBatchLandsOnceUnderTheTokensServiceWithItsUserResolved()
    {
        await using var collector = await CollectorHost.StartAsync(Database, [Sample, Billing], services: s => s.AddSingleton<IAuditUserResolver, Directory>());
        var id = Guid.CreateVersion7().ToString();
        var batch = Batch(Event("cluster.create", id, ""","userKey":"sub-7","serviceName":"billing-api","input":{"password":"x","size":3}"""), Event("cluster.view", Guid.CreateVersion7().ToString()));

        var first = await collector.Client.SendAsync(Sample.Request(HttpMethod.Post, "/events/batch", batch), Token);
        var again = await collector.Client.SendAsync(Sample.Request(HttpMethod.Post, "/events/batch", batch, gzip: true), Token);
        var one = await collector.Client.SendAsync(Billing.Request(HttpMethod.Post, "/events", Event("invoice.void")), Token);
        await Database.WaitForRowsAsync("audit_event", 3);
        await Task.Delay(300, Token);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, again.StatusCode, one.StatusCode));
        Assert.Equal(2, (await first.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("accepted").GetInt32());
        Assert.Equal(3L, Count("audit_event"));
        var row = Assert.Single(Database.Query($"SELECT * FROM {Database.Table("audit_event")} WHERE action = 'cluster.create'"));
        Assert.Equal((id, "sample-api", "sub-7", "sample-api/sub-7"), (row["id"], row["service_name"], row["user_key"], row["user_id"]));
        Assert.Equal("""{"password":"***","size":3}""", row["input"]);
        Assert.Equal(1L, Count("audit_event", "service_name = 'billing-api'"));
    }

    public static TheoryData<string> Refusals() => ["no header", "unknown service", "no bearer", "other key", "expired", "audience", "issuer", "replay", "hash", "lifetime", "no jti"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task EveryAuthenticationFailureIs401SaysWhichStoresNothingAndIsASecurityEvent(string failure)
    {
        await using var collector = await CollectorHost.StartAsync(Database, [Sample, Billing]);
        var json = Batch(Event("cluster.create"));
        var body = System.Text.Encoding.UTF8.GetBytes(json);
        var stranger = M2mSender.Create("stranger");
        var replayed = Sample.Token(body);
        if (failure == "replay")
        {
            var accepted = await collector.Client.SendAsync(Sample.Request(HttpMethod.Post, "/events/batch", json, replayed), Token);
            Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync(Token));
        }

        var request = failure switch
        {
            "no header" => Without(Sample.Request(HttpMethod.Post, "/events/batch", json), "X-M2M-Service"),
            "unknown service" => stranger.Request(HttpMethod.Post, "/events/batch", json),
            "no bearer" => WithoutBearer(Sample.Request(HttpMethod.Post, "/events/batch", json)),
            "other key" => Sample.Request(HttpMethod.Post, "/events/batch", json, Sample.Token(body, signWith: System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256))),
            "expired" => Sample.Request(HttpMethod.Post, "/events/batch", json, Sample.Token(body, issuedAt: DateTimeOffset.UtcNow.AddMinutes(-10))),
            "audience" => Sample.Request(HttpMethod.Post, "/events/batch", json, Sample.Token(body, audience: "someone-else")),
            "issuer" => Sample.Request(HttpMethod.Post, "/events/batch", json, header: "billing-api"),
            "replay" => Sample.Request(HttpMethod.Post, "/events/batch", json, replayed),
            "hash" => Sample.Request(HttpMethod.Post, "/events/batch", json, Sample.Token(body, bodyHash: "AAAA")),
            "lifetime" => Sample.Request(HttpMethod.Post, "/events/batch", json, Sample.Token(body, lifetime: TimeSpan.FromMinutes(30))),
            _ => Sample.Request(HttpMethod.Post, "/events/batch", json, Sample.Token(body, withJti: false)),
        };

        var response = await collector.Client.SendAsync(request, Token);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        await Database.WaitForRowsAsync("security_audit_event", 1);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        Assert.Equal(failure == "replay" ? 1L : 0L, Count("audit_event"));
        var alarm = Assert.Single(Database.Query($"SELECT * FROM {Database.Table("security_audit_event")}"));
        Assert.Equal("audit-collector", alarm["service_name"]);
        Assert.Equal(failure == "expired" ? "TokenExpired" : failure == "unknown service" ? "AccessDenied" : "TokenInvalid", alarm["event_type"]);
        Assert.Equal(problem.GetProperty("detail").GetString(), JsonDocument.Parse((string)alarm["details"]!).RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task MalformedInputIsRefusedWholeNamingEachBadItemAndField()
    {
        await using var collector = await CollectorHost.StartAsync(Database, [Sample], o => o.MaxBodyBytes = 512 * 1024);
        var dup = Guid.CreateVersion7().ToString();
        var cases = new (string Json, HttpStatusCode Status, string? Field)[]
        {
            ("{not json", HttpStatusCode.BadRequest, "$"),
            (Batch(Event("a"), """{"kind":"event","action":"b","durationMs":"slow"}"""), HttpStatusCode.BadRequest, "items[1].durationMs"),
            (Batch("""{"kind":"shipment"}"""), HttpStatusCode.BadRequest, "items[0].kind"),
            (Batch("""{"kind":"event","message":"no action"}"""), HttpStatusCode.BadRequest, "items[0].action"),
            (Batch(Event("a", dup), Event("b", dup)), HttpStatusCode.BadRequest, "items[1].id"),
            (Batch(Enumerable.Repeat(Event("a"), 10_000).ToArray()), HttpStatusCode.BadRequest, "items"),
            (Batch(Event("a", extra: $",\"message\":\"{new string('x', 600 * 1024)}\"")), HttpStatusCode.RequestEntityTooLarge, null),
            (Event("single"), HttpStatusCode.BadRequest, "$"),
        };

        foreach (var (json, status, field) in cases)
        {
            var response = await collector.Client.SendAsync(Sample.Request(HttpMethod.Post, "/events/batch", json), Token);
            Assert.Equal(status, response.StatusCode);
            if (field is not null)
            {
                var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
                Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
            }
        }

        // The collector's store makes its tables in the background: wait for them, then give a wrong write time to land.
        for (var i = 0; i < 100 && !Database.TableNames().Contains("audit_event"); i++)
        {
            await Task.Delay(100, Token);
        }

        await Task.Delay(300, Token);
        Assert.Equal(0L, Count("audit_event"));
    }

    [Fact]
    public async Task ReadingNeedsTheReadScopeOrTheReadPolicyAndFiltersAreValues()
    {
        await using var collector = await CollectorHost.StartAsync(Database, [Sample, Billing]);
        await collector.Client.SendAsync(Sample.Request(HttpMethod.Post, "/events/batch", Batch(Event("cluster.create"), Event("cluster.delete", extra: ",\"level\":\"Warning\""))), Token);
        await collector.Client.SendAsync(Billing.Request(HttpMethod.Post, "/events", Event("invoice.void")), Token);
        await Database.WaitForRowsAsync("audit_event", 3);

        async Task<string[]> Actions(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
            // Newest first; the two events of one batch share its time, so their order is by id: compare them as a set.
            return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("action").GetString()!).Order(StringComparer.Ordinal).ToArray();
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await collector.Client.GetAsync("/events", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await collector.Client.SendAsync(Sample.Request(HttpMethod.Get, "/events", null), Token)).StatusCode);
        Assert.Equal(["cluster.create", "cluster.delete", "invoice.void"], await Actions(await collector.Client.SendAsync(Sample.Request(HttpMethod.Get, "/events", null, scope: "audit.read"), Token)));
        Assert.Equal(["cluster.create", "cluster.delete"], await Actions(await collector.Client.SendAsync(Sample.Request(HttpMethod.Get, "/events?service=sample-api", null, scope: "audit.read"), Token)));
        Assert.Equal(["cluster.delete"], await Actions(await collector.Client.SendAsync(Sample.Request(HttpMethod.Post, "/events/query", """{"level":["warning"],"service":["sample-api","x"]}""", scope: "audit.read"), Token)));
        Assert.Empty(await Actions(await collector.Client.SendAsync(Sample.Request(HttpMethod.Get, "/events?action=" + Uri.EscapeDataString("x' OR '1'='1"), null, scope: "audit.read"), Token)));
        var id = Database.Scalar<string>($"SELECT {Database.AsText("id")} FROM {Database.Table("audit_event")} WHERE action = 'invoice.void'");
        var found = await (await collector.Client.SendAsync(Sample.Request(HttpMethod.Get, $"/events/{id}", null, scope: "audit.read"), Token)).Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(("event", "billing-api"), (found.GetProperty("kind").GetString(), found.GetProperty("serviceName").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await collector.Client.SendAsync(Sample.Request(HttpMethod.Get, $"/events/{Guid.CreateVersion7()}", null, scope: "audit.read"), Token)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await collector.Client.SendAsync(Sample.Request(HttpMethod.Get, "/events?level=loud", null, scope: "audit.read"), Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await collector.Client.GetAsync("/health", Token)).StatusCode);

        // People: the read policy (here the audit-admin role), not a token.
        async Task<HttpStatusCode> AsPerson(string? role, string path = "/events")
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (role is not null)
            {
                request.Headers.Add("X-Test-Role", role);
            }

            return (await collector.Client.SendAsync(request, Token)).StatusCode;
        }

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized), (await AsPerson("audit-admin"), await AsPerson("clerk"), await AsPerson(null)));
        Assert.Equal(["cluster.create", "cluster.delete"], await Actions(await collector.Client.SendAsync(Person("/events?services=sample-api"), Token)));

        // Every filter is a value, never SQL.
        foreach (var filter in new[] { "service", "services", "category", "action", "actions", "user", "resource", "resourceId" })
        {
            foreach (var attack in new[] { "x' OR '1'='1", "'; DELETE FROM audit_event; --", "%" })
            {
                Assert.Empty(await Actions(await collector.Client.SendAsync(Person($"/events?{filter}={Uri.EscapeDataString(attack)}"), Token)));
            }
        }

        Assert.Equal(3L, Count("audit_event"));
    }

    [Fact]
    public async Task ATenantViewerReadsOnlyTheEventsOfTheirTenant()
    {
        await using var collector = await CollectorHost.StartAsync(Database, [Sample]);
        var acme = Guid.CreateVersion7().ToString();
        var globex = Guid.CreateVersion7().ToString();
        await collector.Client.SendAsync(
            Sample.Request(HttpMethod.Post, "/events/batch", Batch(Event("a", acme, ",\"tenantId\":\"acme\""), Event("b", globex, ",\"tenantId\":\"globex\""))), Token);
        await Database.WaitForRowsAsync("audit_event", 2);

        HttpRequestMessage Viewer(string path, string? tenant = "acme")
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("X-Test-Role", "audit-viewer");
            if (tenant is not null)
            {
                request.Headers.Add("X-Test-Tenant", tenant);
            }

            return request;
        }

        var page = await (await collector.Client.SendAsync(Viewer("/events"), Token)).Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(["a"], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("action").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await collector.Client.SendAsync(Viewer($"/events/{acme}"), Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await collector.Client.SendAsync(Viewer($"/events/{globex}"), Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await collector.Client.SendAsync(Viewer("/events", tenant: null), Token)).StatusCode);
        await Database.WaitForRowsAsync("security_audit_event", 1, "event_type = 'AccessDenied'");
        var admin = await (await collector.Client.SendAsync(Person("/events"), Token)).Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(2, admin.GetProperty("items").GetArrayLength());
    }

    private static HttpRequestMessage Person(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Test-Role", "audit-admin");
        return request;
    }

    [Fact]
    public async Task FlushWritesWhatTheCollectorHoldsAndStrictModeAnswers201OnceWritten()
    {
        await using (var collector = await CollectorHost.StartAsync(Database, [Sample], trail: o => o.FlushInterval = TimeSpan.FromMinutes(30)))
        {
            var accepted = await collector.Client.SendAsync(Sample.Request(HttpMethod.Post, "/events/batch", Batch(Event("a"), Event("b"))), Token);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await collector.Client.SendAsync(Sample.Request(HttpMethod.Post, "/flush", "{}"), Token)).StatusCode);

            var flushed = await collector.Client.SendAsync(Sample.Request(HttpMethod.Post, "/flush", "{}", scope: "audit.read"), Token);

            // The batch's unit, and the security event of the refused flush.
            Assert.Equal(2, (await flushed.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("flushed").GetInt32());
            Assert.Equal(2L, Count("audit_event"));
        }

        await using var strict = await CollectorHost.StartAsync(Database, [Sample], trail: o => o.WriteMode = Configuration.AuditWriteMode.Synchronous);
        var written = await strict.Client.SendAsync(Sample.Request(HttpMethod.Post, "/events", Event("c")), Token);

        Assert.Equal(HttpStatusCode.Created, written.StatusCode);
        Assert.Equal(1L, Count("audit_event", "action = 'c'"));
    }

    private static HttpRequestMessage Without(HttpRequestMessage request, string header)
    {
        request.Headers.Remove(header);
        return request;
    }

    private static HttpRequestMessage WithoutBearer(HttpRequestMessage request)
    {
        request.Headers.Authorization = null;
        return request;
    }
}
