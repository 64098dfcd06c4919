using AspNetAuditTrail.Integrity;
using AspNetAuditTrail.IntegrationTests.Databases;
using AspNetAuditTrail.Relational;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>
/// SQLite keeps any value in any column: rows whose values JSON cannot carry (a blob, text that is not UTF-8) are read
/// column by column instead of packed, and are named changed like any other; the rows around them still verify.
/// </summary>
public sealed class SqliteIntegrityValueTests() : DatabaseTest(new SqliteAuditDatabase()), IDisposable
{
    private readonly IntegrityTrail _trail = new();

    [Theory]
    [InlineData("user_agent = X'DEADBEEF'")]
    [InlineData("path = CAST(X'2FFF2F' AS TEXT)")]
    [InlineData("status_code = 'two hundred'")]
    [InlineData("duration_ms = 'slow'")]
    public async Task AValueOfAnotherKindIsNamedAChangedRowAndTheOthersVerify(string change)
    {
        await _trail.WriteAsync(Database, RetentionData.Units(DateTimeOffset.UtcNow));
        var id = Database.Query($"SELECT id FROM {Database.Requests} ORDER BY chain_seq")[1]["id"]!;
        Database.ExecuteInMaintenance($"UPDATE {Database.Requests} SET {change} WHERE id = @id", new { id });

        var verification = await _trail.VerifyAsync(Database);

        var only = Assert.Single(verification.Breaks);
        Assert.Equal((AuditBreakKind.RowChanged, AuditTables.Request.Name, Guid.Parse(id.ToString()!)), (only.Kind, only.Table, only.Id!.Value));
        Assert.Equal(Database.RowCounts().Values.Sum(), verification.Rows);
    }

    public void Dispose()
    {
        _trail.Dispose();
        GC.SuppressFinalize(this);
    }
}
