using System.Globalization;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.IntegrationTests.Databases;
using AspNetAuditTrail.Reading;
using AspNetAuditTrail.Sqlite;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>
/// SQLite keeps times as fixed-width UTC text (<see cref="SqliteAuditStore.TimestampFormat"/>): every time is stored in
/// that form to the tick, reads back as the same instant, and a sealed trail of them verifies; a time stored as other
/// text (written by hand) still reads back as its instant.
/// </summary>
public sealed class SqliteTimeTests() : DatabaseTest(new SqliteAuditDatabase()), IDisposable
{
    private static readonly DateTimeOffset[] Times =
    [
        new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero),
        new(2026, 12, 4, 20, 15, 42, TimeSpan.Zero),
        new DateTimeOffset(2026, 2, 28, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999),
        new DateTimeOffset(2024, 2, 29, 6, 0, 0, TimeSpan.FromHours(5.5)).AddTicks(1_234_567),
        new(1, 1, 1, 0, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999),
    ];

    private readonly IntegrityTrail _trail = new();

    [Fact]
    public async Task EveryTimeIsStoredInTheFixedFormatAndReadsBackAsItsInstant()
    {
        var units = Times.Select((time, n) => RequestUnits.Get(time, "/api/times/" + n)).ToArray();

        await _trail.WriteAsync(Database, units);

        var rows = Database.Query($"SELECT path, occurred_at FROM {Database.Requests} WHERE path LIKE '/api/times/%' ORDER BY path");
        Assert.Equal(
            Times.Select(t => t.UtcDateTime.ToString(SqliteAuditStore.TimestampFormat, CultureInfo.InvariantCulture)),
            rows.Select(r => (string)r["occurred_at"]!));
        var reader = (IAuditReader)Database.CreateStore();
        foreach (var unit in units)
        {
            var read = (await reader.GetRequestAsync(unit.Request!.Id, null, Token))!.Request.OccurredAt;
            Assert.Equal((unit.Request.OccurredAt.UtcTicks, TimeSpan.Zero), (read.UtcTicks, read.Offset));
        }

        var verification = await _trail.VerifyAsync(Database);
        Assert.True(verification.Verified, string.Join("; ", verification.Breaks.Select(b => b.Detail)));
    }

    [Theory]
    [InlineData("2026-12-04 10:00:00")]
    [InlineData("2026-12-04T12:00:00+02:00")]
    [InlineData("2026-12-04T10:00:00.0000000+00:00")]
    public async Task ATimeStoredAsOtherTextReadsBackAsItsInstant(string text)
    {
        var unit = RequestUnits.Get(DateTimeOffset.UtcNow, "/api/other-time");
        var store = Database.CreateStore();
        await ((Storage.IAuditSchemaMigrator)store).MigrateAsync(Token);
        await store.WriteAsync([unit], Token);
        Database.ExecuteInMaintenance($"UPDATE {Database.Requests} SET occurred_at = @text WHERE id = @id", new { text, id = Database.IdValue(unit.Request!.Id) });

        var read = (await ((IAuditReader)store).GetRequestAsync(unit.Request.Id, null, Token))!.Request.OccurredAt;

        Assert.Equal(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero), read);
    }

    public void Dispose()
    {
        _trail.Dispose();
        GC.SuppressFinalize(this);
    }
}
