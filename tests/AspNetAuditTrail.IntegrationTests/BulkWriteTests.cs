using System.Data.Common;
using System.Net;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.IntegrationTests.Databases;
using AspNetAuditTrail.Relational;
using AspNetAuditTrail.Storage;

namespace AspNetAuditTrail.IntegrationTests;

public abstract class BulkWriteTests(AuditDatabase database) : DatabaseTest(database)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static AuditUnit Unit(Guid id, int n, string? extra = null) => new()
    {
        Request = new RequestAuditEvent
        {
            Id = id,
            OccurredAt = Start.AddMilliseconds(n),
            Method = "POST",
            Scheme = "https",
            Path = $"/api/bulk/{n}",
            StatusCode = 200 + (n % 3),
            DurationMs = n % 1000 / 8.0,
            UserAgent = "bulk-test ☃ 東京",
            RequestBody = n % 10 == 0 ? $$"""{"n":{{n}}}""" : null,
            RequestBodyStatus = n % 10 == 0 ? BodyCaptureStatus.Captured : BodyCaptureStatus.None,
            ResponseBodyStatus = BodyCaptureStatus.None,
            ExtraInformation = extra ?? (n % 7 == 0 ? $$"""{"n":{{n}}}""" : null),
        },
    };

    private async Task<T> WithStoreAsync<T>(Func<IAuditStore, Task<T>> use)
    {
        var store = Database.CreateStore();
        try
        {
            await ((IAuditSchemaMigrator)store).MigrateAsync(Token);
            return await use(store);
        }
        finally
        {
            if (store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    private List<string> StoredIds() =>
        Database.Query($"SELECT id FROM {Database.Requests}").Select(r => (string)r["id"]!).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task AHundredThousandEventsLandExactlyOnce()
    {
        var ids = Enumerable.Range(0, 100_000).Select(_ => Guid.CreateVersion7()).ToArray();

        await WithStoreAsync(async store =>
        {
            foreach (var chunk in ids.Select((id, n) => Unit(id, n)).Chunk(5_000))
            {
                await store.WriteAsync(chunk, Token);
            }

            return 0;
        });

        Assert.Equal(ids.Select(id => id.ToString("D")).Order(StringComparer.Ordinal), StoredIds());
        Assert.Equal(10_000L, Database.Scalar<long>($"SELECT count(*) FROM {Database.Requests} WHERE request_body IS NOT NULL"));
        var last = Assert.Single(Database.Query($"SELECT path, user_agent, status_code, extra_information FROM {Database.Requests} WHERE id = '{ids[99_995]}'"));
        Assert.Equal(("/api/bulk/99995", "bulk-test ☃ 東京", 202L, """{"n":99995}"""),
            ((string)last["path"]!, (string)last["user_agent"]!, (long)last["status_code"]!, (string)last["extra_information"]!));
    }

    [Fact]
    public async Task ABatchThatFailsHalfWayLeavesNothingOfIt()
    {
        var first = Enumerable.Range(0, 100).Select(n => Unit(Guid.CreateVersion7(), n)).ToArray();
        var second = Enumerable.Range(100, 1_000).Select(n => Unit(Guid.CreateVersion7(), n)).ToArray();
        second[500] = Unit(Guid.CreateVersion7(), 600, extra: "[1,2]");

        var error = await WithStoreAsync(async store =>
        {
            await store.WriteAsync(first, Token);
            return await Record.ExceptionAsync(() => store.WriteAsync(second, Token));
        });

        Assert.IsAssignableFrom<DbException>(error);
        Assert.Equal(first.Select(u => u.Request!.Id.ToString("D")).Order(StringComparer.Ordinal), StoredIds());
    }

    [Fact]
    public async Task ABatchWrittenAgainOrHoldingAnIdTwiceLandsOnce()
    {
        var units = Enumerable.Range(0, 500).Select(n => Unit(Guid.CreateVersion7(), n)).ToArray();
        var withRepeat = units.Take(10).Append(units[3]).ToArray();

        await WithStoreAsync(async store =>
        {
            await store.WriteAsync(units, Token);
            await store.WriteAsync(units, Token);
            await store.WriteAsync(withRepeat, Token);
            return 0;
        });

        Assert.Equal(units.Select(u => u.Request!.Id.ToString("D")).Order(StringComparer.Ordinal), StoredIds());
    }

    [Fact]
    public async Task TwoAppInstancesWritingAtOnceLandEveryEventOnce()
    {
        await using var one = new SampleApp(Database);
        await using var two = new SampleApp(Database);
        var clients = await Task.WhenAll(Task.Run(one.CreateClient), Task.Run(two.CreateClient));

        var responses = await Task.WhenAll(Enumerable.Range(0, 600).Select(i => clients[i % 2].GetAsync($"/api/products/1?n={i}", Token)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await one.DisposeAsync();
        var rows = await two.DrainAsync();

        Assert.Equal(600, rows.Count);
        Assert.Equal(600, rows.Select(r => r["id"]).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 600).Select(i => $"n={i}").Order(StringComparer.Ordinal), rows.Select(r => (string)r["query_string"]!).Order(StringComparer.Ordinal));
        Assert.Equal(Database.SchemaVersions, Database.Scalar<long>($"SELECT count(*) FROM {Database.Table(AuditTables.SchemaVersion)}"));
    }
}
