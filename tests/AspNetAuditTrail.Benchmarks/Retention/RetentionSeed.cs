using System.Globalization;
using AspNetAuditTrail.Benchmarks.Load;
using AspNetAuditTrail.Relational;
using Dapper;

namespace AspNetAuditTrail.Benchmarks.Retention;

/// <summary>
/// Old request rows put straight into an audit database by SQL (fast, not measured): ids, times spread evenly from 90
/// to 35 days ago, and the columns a request row fills (path, address, user, agent, tenant), so that a 30-day
/// retention removes them all.
/// </summary>
internal static class RetentionSeed
{
    public static async Task SeedAsync(AuditedStore store, string connectionString, int rows)
    {
        var start = DateTimeOffset.UtcNow.AddDays(-90);
        var step = TimeSpan.FromDays(55).TotalSeconds / rows;
        await using var connection = BenchmarkDatabases.Connect(store, connectionString);
        await connection.OpenAsync();
        var table = AuditTables.Request.Name;
        const string Columns = "id, occurred_at, method, scheme, path, status_code, duration_ms, ip_address, user_agent, user_id, request_body_status, response_body_status, service_name, tenant_id";
        var sql = store == AuditedStore.Sqlite
            ? $"""
              WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < @rows), r(i, h) AS (SELECT i, lower(hex(randomblob(16))) FROM s)
              INSERT INTO {table} ({Columns})
              SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21, 12), strftime('%Y-%m-%dT%H:%M:%S', @start + i * @step, 'unixepoch') || '.0000000Z', 'GET', 'https',
                     '/api/products/' || (i % 100), 200, 1.5, '10.0.' || (i % 250) || '.1', 'bench/1.0', 'user-' || (i % 1000), 'None', 'None', 'bench-api', 'tenant-' || (i % 10)
              FROM r
              """
            : $"""
              INSERT INTO {table} ({Columns})
              SELECT gen_random_uuid(), to_timestamp(@start + i * @step), 'GET', 'https',
                     '/api/products/' || (i % 100), 200, 1.5, '10.0.' || (i % 250) || '.1', 'bench/1.0', 'user-' || (i % 1000), 'None', 'None', 'bench-api', 'tenant-' || (i % 10)
              FROM generate_series(1, @rows) i
              """;
        await connection.ExecuteAsync(sql, new { rows, start = (double)start.ToUnixTimeSeconds(), step }, commandTimeout: 600);
        await AnalyzeAsync(store, connectionString);
    }

    /// <summary>Fresh statistics (and, on PostgreSQL, no dead rows), as a database that has been running would have.</summary>
    public static async Task AnalyzeAsync(AuditedStore store, string connectionString)
    {
        await using var connection = BenchmarkDatabases.Connect(store, connectionString);
        await connection.ExecuteAsync(store == AuditedStore.Sqlite ? "ANALYZE" : "VACUUM ANALYZE", commandTimeout: 600, commandType: System.Data.CommandType.Text);
    }

    /// <summary>Rows of the request table older than 30 days.</summary>
    public static async Task<long> OldRowsAsync(AuditedStore store, string connectionString)
    {
        await using var connection = BenchmarkDatabases.Connect(store, connectionString);
        var cut = DateTimeOffset.UtcNow.AddDays(-30);
        object bound = store == AuditedStore.Sqlite
            ? cut.UtcDateTime.ToString(Sqlite.SqliteAuditStore.TimestampFormat, CultureInfo.InvariantCulture)
            : cut.UtcDateTime;
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {AuditTables.Request.Name} WHERE occurred_at < @cut", new { cut = bound });
    }
}
