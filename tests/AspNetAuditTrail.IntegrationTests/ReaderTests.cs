using AspNetAuditTrail.Events;
using AspNetAuditTrail.IntegrationTests.Databases;
using AspNetAuditTrail.Reading;
using AspNetAuditTrail.Storage;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>The store's reading half, on rows written by the store itself.</summary>
public abstract class ReaderTests(AuditDatabase database) : DatabaseTest(database)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static AuditUnit Request(int n, string method = "GET", int status = 200, string? user = null, string path = "/api/items") => new()
    {
        Request = new RequestAuditEvent
        {
            Id = Guid.CreateVersion7(Start.AddSeconds(n)),
            OccurredAt = Start.AddSeconds(n),
            Method = method,
            Scheme = "https",
            Path = path,
            StatusCode = status,
            DurationMs = n,
            UserId = user,
            RequestBodyStatus = BodyCaptureStatus.None,
            ResponseBodyStatus = BodyCaptureStatus.None,
        },
    };

    private async Task<IAuditStore> SeedAsync(params AuditUnit[] units)
    {
        var store = Database.CreateStore();
        await ((IAuditSchemaMigrator)store).MigrateAsync(Token);
        await store.WriteAsync(units, Token);
        return store;
    }

    private static async Task<List<RequestAuditEvent>> AllPagesAsync(IAuditReader reader, AuditQuery query)
    {
        var rows = new List<RequestAuditEvent>();
        for (var after = query.After; ;)
        {
            var page = await reader.QueryRequestsAsync(query with { After = after }, Token);
            rows.AddRange(page.Rows);
            if (page.ContinuationToken is null)
            {
                return rows;
            }

            Assert.True(AuditPosition.TryParse(page.ContinuationToken, out after));
        }
    }

    [Fact]
    public async Task PagesAreNewestFirstAndCoverEveryRowOnce()
    {
        var units = Enumerable.Range(0, 25).Select(n => Request(n)).ToArray();
        var reader = (IAuditReader)await SeedAsync(units);

        var rows = await AllPagesAsync(reader, new AuditQuery { PageSize = 7 });

        Assert.Equal(units.Select(u => u.Request!.Id).Reverse(), rows.Select(r => r.Id));
        Assert.Equal(Start.AddSeconds(24), rows[0].OccurredAt);
        Assert.Equal(24.0, rows[0].DurationMs);
    }

    [Fact]
    public async Task PagesStayStableWhileRowsAreAdded()
    {
        var store = await SeedAsync(Enumerable.Range(0, 10).Select(n => Request(n)).ToArray());
        var reader = (IAuditReader)store;

        var first = await reader.QueryRequestsAsync(new AuditQuery { PageSize = 4 }, Token);
        await store.WriteAsync(Enumerable.Range(100, 5).Select(n => Request(n)).ToArray(), Token);
        AuditPosition.TryParse(first.ContinuationToken, out var after);
        var rest = await AllPagesAsync(reader, new AuditQuery { PageSize = 4, After = after });

        Assert.Equal(Enumerable.Range(0, 10).Reverse().Select(n => Start.AddSeconds(n)), first.Rows.Concat(rest).Select(r => r.OccurredAt));
    }

    [Fact]
    public async Task EachFilterSelectsItsRows()
    {
        var reader = (IAuditReader)await SeedAsync(
            Request(1, "GET", 200, "ana", "/api/orders/1"),
            Request(2, "POST", 201, "ana", "/api/orders"),
            Request(3, "GET", 404, "bob", "/api/products/9"),
            Request(4, "DELETE", 500, "bob", "/api/orders/2"),
            Request(5, "GET", 200, null, "/api/100%_done"));

        async Task<int[]> Seconds(AuditQuery query) =>
            (await AllPagesAsync(reader, query)).Select(r => (int)(r.OccurredAt - Start).TotalSeconds).Order().ToArray();

        Assert.Equal(new[] { 2, 3, 4 }, await Seconds(new AuditQuery { From = Start.AddSeconds(2), To = Start.AddSeconds(5) }));
        Assert.Equal(new[] { 1, 2 }, await Seconds(new AuditQuery { UserId = "ana" }));
        Assert.Equal(new[] { 1, 3, 5 }, await Seconds(new AuditQuery { Method = "GET" }));
        Assert.Equal(new[] { 1, 5 }, await Seconds(new AuditQuery { StatusCode = 200 }));
        Assert.Equal(new[] { 3 }, await Seconds(new AuditQuery { StatusClass = 4 }));
        Assert.Equal(new[] { 1, 4 }, await Seconds(new AuditQuery { PathPattern = "/api/orders/*" }));
        Assert.Equal(new[] { 5 }, await Seconds(new AuditQuery { PathPattern = "/api/100%_*" }));
        Assert.Empty(await Seconds(new AuditQuery { PathPattern = "/api/1%" }));
        Assert.Empty(await Seconds(new AuditQuery { UserId = "ana' OR '1'='1" }));
        Assert.Empty(await Seconds(new AuditQuery { PathPattern = "'; DROP TABLE request_audit_event; --" }));
        Assert.Equal(5, (await AllPagesAsync(reader, new AuditQuery())).Count);
    }

    [Fact]
    public async Task AKindSelectsRequestsWithLinkedRowsAndDetailsBringThemBack()
    {
        var withLogin = Request(1);
        var login = new LoginAuditEvent
        {
            Id = Guid.CreateVersion7(),
            OccurredAt = Start.AddSeconds(1),
            RequestEventId = withLogin.Request!.Id,
            Status = LoginStatus.SignIn,
            UserName = "João Ação",
        };
        var reader = (IAuditReader)await SeedAsync(new AuditUnit { Request = withLogin.Request, Logins = [login] }, Request(2));

        var rows = await AllPagesAsync(reader, new AuditQuery { Kind = EventKind.Login });
        var details = await reader.GetRequestAsync(withLogin.Request.Id, null, Token);

        Assert.Equal(withLogin.Request.Id, Assert.Single(rows).Id);
        Assert.NotNull(details);
        Assert.Equal("João Ação", Assert.Single(details.Logins).UserName);
        Assert.Empty(details.SecurityEvents);
        Assert.Null(await reader.GetRequestAsync(Guid.CreateVersion7(), null, Token));
        var streamed = new List<LoginAuditEvent>();
        await foreach (var row in reader.StreamAsync<LoginAuditEvent>(Start, null, null, Token))
        {
            streamed.Add(row);
        }

        Assert.Equal(login, Assert.Single(streamed));
        Assert.Throws<NotSupportedException>(() => reader.StreamAsync<NotARow>(null, null, null, Token));
    }

    [Fact]
    public async Task AScopeToATenantSeesOnlyItsRowsThroughEveryReadingPath()
    {
        RequestAuditEvent Row(int n, string? tenant, string? subtenant) => new()
        {
            Id = Guid.CreateVersion7(Start.AddSeconds(n)), OccurredAt = Start.AddSeconds(n), Method = "GET", Scheme = "https", Path = $"/api/{n}",
            StatusCode = 200, DurationMs = 1, RequestBodyStatus = BodyCaptureStatus.None, ResponseBodyStatus = BodyCaptureStatus.None,
            TenantId = tenant, SubtenantId = subtenant,
        };
        BusinessAuditEvent Event(RequestAuditEvent request) => new()
        {
            Id = Guid.CreateVersion7(request.OccurredAt), OccurredAt = request.OccurredAt, ReceivedAt = request.OccurredAt, Level = AuditLevel.Info,
            Category = "c", Action = "a", RequestEventId = request.Id, TenantId = request.TenantId, SubtenantId = request.SubtenantId,
        };
        var rows = new[] { Row(1, "acme", "north"), Row(2, "acme", "south"), Row(3, "globex", null), Row(4, null, null) };
        var reader = (IAuditReader)await SeedAsync(rows.Select(r => new AuditUnit { Request = r, BusinessEvents = [Event(r)] }).ToArray());
        var acme = new AuditTenant("acme");
        var north = new AuditTenant("acme", "north");

        async Task<string[]> Paths(AuditTenant? tenant) => (await AllPagesAsync(reader, new AuditQuery { Tenant = tenant })).Select(r => r.Path).ToArray();

        Assert.Equal(["/api/2", "/api/1"], await Paths(acme));
        Assert.Equal(["/api/1"], await Paths(north));
        Assert.Equal(["/api/3"], await Paths(new AuditTenant("globex")));
        Assert.Empty(await Paths(new AuditTenant("acme' OR '1'='1")));
        Assert.Equal(4, (await Paths(null)).Length);
        Assert.NotNull(await reader.GetRequestAsync(rows[0].Id, north, Token));
        Assert.Null(await reader.GetRequestAsync(rows[1].Id, north, Token));
        Assert.Null(await reader.GetRequestAsync(rows[2].Id, acme, Token));
        Assert.Equal(2, (await reader.QueryBusinessEventsAsync(new BusinessEventQuery { Tenant = acme }, Token)).Rows.Count);
        Assert.Null(await reader.GetBusinessEventAsync(Event(rows[2]).Id, acme, Token));
        var streamed = new List<BusinessAuditEvent>();
        await foreach (var e in reader.StreamAsync<BusinessAuditEvent>(null, null, north, Token))
        {
            streamed.Add(e);
        }

        Assert.Equal(rows[0].Id, Assert.Single(streamed).RequestEventId);
    }

    [Fact]
    public async Task APageOfSeveralValuesIsTheNewestOfThemAllAndPagingCoversEachRowOnce()
    {
        // Codes and actions interleaved in time, several rows at one instant, pages smaller than each value's rows.
        int[] codes = [500, 404, 503, 200, 500, 599, 502, 404, 500, 503, 500, 501];
        var units = codes.Select((code, n) =>
        {
            var request = Request(n / 2, status: code).Request!;
            return new AuditUnit
            {
                Request = request,
                BusinessEvents =
                [
                    new BusinessAuditEvent
                    {
                        Id = Guid.CreateVersion7(request.OccurredAt), OccurredAt = request.OccurredAt, ReceivedAt = request.OccurredAt,
                        Level = AuditLevel.Info, Category = "orders", Action = code >= 500 ? "order.placed" : n == 3 ? "order.paid" : "order.viewed",
                    },
                ],
            };
        }).ToArray();
        var reader = (IAuditReader)await SeedAsync(units);

        var fives = await AllPagesAsync(reader, new AuditQuery { StatusClass = 5, PageSize = 3 });
        var expected = units.Where(u => u.Request!.StatusCode >= 500).Select(u => u.Request!).OrderByDescending(r => r.OccurredAt).ThenByDescending(r => r.Id);
        Assert.Equal(expected.Select(r => r.Id), fives.Select(r => r.Id));

        var events = new List<BusinessAuditEvent>();
        var query = new BusinessEventQuery { Actions = ["order.placed", "order.paid"], Categories = ["orders"], PageSize = 2 };
        for (var page = await reader.QueryBusinessEventsAsync(query, Token); ; page = await reader.QueryBusinessEventsAsync(query, Token))
        {
            events.AddRange(page.Rows);
            if (page.ContinuationToken is null)
            {
                break;
            }

            Assert.True(AuditPosition.TryParse(page.ContinuationToken, out var after));
            query = query with { After = after };
        }

        var chosen = units.SelectMany(u => u.BusinessEvents).Where(e => e.Action is "order.placed" or "order.paid").OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id);
        Assert.Equal(chosen.Select(e => e.Id), events.Select(e => e.Id));
        Assert.Equal(10, events.Count);
    }

    private sealed class NotARow : IAuditEvent
    {
        public Guid Id { get; } = Guid.Empty;

        public DateTimeOffset OccurredAt { get; } = DateTimeOffset.UnixEpoch;

        public AuditSeal? Seal => null;

        public string? ServiceName => null;

        public string? TenantId => null;

        public string? SubtenantId => null;

        public DateTimeOffset? AnonymizedAt => null;
    }
}
