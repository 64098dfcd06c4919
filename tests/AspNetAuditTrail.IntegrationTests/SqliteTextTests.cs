using AspNetAuditTrail.IntegrationTests.Databases;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>
/// SQLite stores every text as given, each value bound by its position: an empty text stays empty (not NULL), a NUL
/// character becomes U+FFFD as in every store (never cutting the text short), characters outside the BMP and long texts
/// arrive whole; a sealed trail of such rows verifies.
/// </summary>
public sealed class SqliteTextTests() : DatabaseTest(new SqliteAuditDatabase()), IDisposable
{
    private static readonly string[] Texts = ["", "before\0after", "emoji 😀 and 東京", new string('x', 70_000) + "é"];

    private readonly IntegrityTrail _trail = new();

    [Fact]
    public async Task EveryTextIsStoredAsGivenAndTheTrailVerifies()
    {
        var units = Texts.Select((text, n) => RequestUnits.Get(DateTimeOffset.UtcNow, "/api/texts/" + n, query: text, responseBody: text)).ToArray();

        await _trail.WriteAsync(Database, units);

        var rows = Database.Query($"SELECT path, query_string, response_body, typeof(response_body) AS kind, length(CAST(response_body AS BLOB)) AS bytes FROM {Database.Requests} WHERE path LIKE '/api/texts/%' ORDER BY path");
        Assert.Equal(Texts.Length, rows.Count);
        for (var n = 0; n < Texts.Length; n++)
        {
            var stored = Texts[n].Replace('\0', '\uFFFD');
            Assert.Equal((stored, stored, "text", (long)System.Text.Encoding.UTF8.GetByteCount(stored)), ((string)rows[n]["query_string"]!, (string)rows[n]["response_body"]!, (string)rows[n]["kind"]!, (long)rows[n]["bytes"]!));
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
