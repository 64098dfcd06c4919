using AspNetAuditTrail.Events;
using AspNetAuditTrail.IntegrationTests.Databases;
using AspNetAuditTrail.Reading;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>
/// PostgreSQL's rows go out in binary COPY format encoded by the store: times land rounded down to the microsecond
/// (before 2000 too, and the first and last time, as the canonical form rounds them); text of every
/// kind lands whole, a lone surrogate as U+FFFD instead of failing its batch; jsonb keeps its value; the trail verifies.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlCopyTests(PostgreSqlServer server) : DatabaseTest(new PostgreSqlAuditDatabase(server, fresh: false)), IDisposable
{
    private static readonly DateTimeOffset[] Times =
    [
        new DateTimeOffset(2026, 12, 4, 20, 15, 42, TimeSpan.Zero).AddTicks(1_234_567),
        new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_995),
        new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(-3),
        new DateTimeOffset(2024, 2, 29, 6, 0, 0, TimeSpan.FromHours(-3)).AddTicks(9),
        DateTimeOffset.MinValue,
        DateTimeOffset.MaxValue,
    ];

    private static readonly (string Written, string Stored)[] Texts =
    [
        ("", ""),
        ("lone \uD800 surrogate", "lone \uFFFD surrogate"),
        ("emoji 😀 and 東京", "emoji 😀 and 東京"),
        (new string('x', 70_000) + "é", new string('x', 70_000) + "é"),
    ];

    private readonly IntegrityTrail _trail = new();

    [Fact]
    public async Task TimesLandRoundedDownToTheMicrosecondAndTheTrailVerifies()
    {
        var units = Times.Select((time, n) => RequestUnits.Get(time, "/api/copy-times/" + n, "t")).ToArray();

        await _trail.WriteAsync(Database, units);

        var reader = (IAuditReader)Database.CreateStore();
        foreach (var unit in units)
        {
            var written = unit.Request!.OccurredAt;
            var expected = written.AddTicks(-(written.UtcTicks % 10));
            var read = (await reader.GetRequestAsync(unit.Request.Id, null, Token))!.Request.OccurredAt;
            Assert.Equal(expected.UtcTicks, read.UtcTicks);
        }

        var verification = await _trail.VerifyAsync(Database);
        Assert.True(verification.Verified, string.Join("; ", verification.Breaks.Select(b => b.Detail)));
    }

    [Fact]
    public async Task EveryTextLandsWholeAndTheTrailVerifies()
    {
        var units = Texts.Select((text, n) => RequestUnits.Get(DateTimeOffset.UtcNow, "/api/copy-texts/" + n, text.Written, $$"""{"q": "{{text.Written}}", "n": {{n}}}""")).ToArray();

        await _trail.WriteAsync(Database, units);

        var rows = Database.Query($"SELECT path, query_string, route_values FROM {Database.Requests} WHERE path LIKE '/api/copy-texts/%' ORDER BY path");
        Assert.Equal(Texts.Length, rows.Count);
        for (var n = 0; n < Texts.Length; n++)
        {
            Assert.Equal(Texts[n].Stored, (string)rows[n]["query_string"]!);
            using var json = System.Text.Json.JsonDocument.Parse((string)rows[n]["route_values"]!);
            Assert.Equal((Texts[n].Stored, n), (json.RootElement.GetProperty("q").GetString(), json.RootElement.GetProperty("n").GetInt32()));
        }

        var verification = await _trail.VerifyAsync(Database);
        Assert.True(verification.Verified, string.Join("; ", verification.Breaks.Select(b => b.Detail)));
    }

    public void Dispose()
    {
        _trail.Dispose();
        GC.SuppressFinalize(this);
    }
}
