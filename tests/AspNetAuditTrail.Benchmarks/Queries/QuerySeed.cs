using System.Data.Common;
using AspNetAuditTrail.Benchmarks.Load;
using AspNetAuditTrail.Benchmarks.Retention;
using AspNetAuditTrail.Relational;
using Dapper;

namespace AspNetAuditTrail.Benchmarks.Queries;

/// <summary>
/// A trail of the given size put straight into an audit database by SQL (fast, not measured), spread evenly over the
/// last 30 days: request rows with the mix a busy API has (methods, status codes, paths, users, tenants), a security
/// event for each 403 and a sign-in for each request to the login path; as many business events; as many entity changes.
/// </summary>
internal static class QuerySeed
{
    private const string RequestColumns =
        "id, occurred_at, method, scheme, path, status_code, duration_ms, ip_address, user_agent, user_id, request_body_status, response_body_status, service_name, tenant_id, " +
        "route_template, chain_id, chain_seq, row_mac";

    private const string RequestValues =
        "CASE WHEN i % 20 < 14 THEN 'GET' WHEN i % 20 < 18 THEN 'POST' WHEN i % 20 = 18 THEN 'PUT' ELSE 'DELETE' END, 'https', " +
        "CASE WHEN i % 50 = 0 THEN '/api/login' WHEN i % 50 = 1 THEN '/health' WHEN i % 50 < 12 THEN '/api/orders/' || (i % 5000) ELSE '/api/products/' || (i % 1000) END, " +
        "CASE WHEN i % 97 = 0 THEN 500 WHEN i % 97 = 1 THEN 403 WHEN i % 97 < 4 THEN 404 WHEN i % 97 < 6 THEN 400 WHEN i % 97 < 10 THEN 201 ELSE 200 END, " +
        "1.5, '10.0.' || (i % 250) || '.1', 'bench/1.0', CASE WHEN i % 10 < 3 THEN NULL ELSE 'user-' || (i % 5003) END, 'None', 'None', 'bench-api', " + TenantValue + ", " +
        "CASE WHEN i % 50 = 0 THEN '/api/login' WHEN i % 50 = 1 THEN '/health' WHEN i % 50 < 12 THEN '/api/orders/{id}' ELSE '/api/products/{id}' END, " +
        SealValues;

    private const string TenantValue = "'tenant-' || (i % 20)";

    private const string SealValues = "'0193a000-0000-7000-8000-000000000001', i, '" + Mac + "'";

    /// <summary>A row MAC's length and alphabet (the rows are not verified).</summary>
    private const string Mac = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    private const string BusinessColumns = "id, occurred_at, received_at, service_name, level, category, action, message, outcome, user_id, resource_type, resource_id";

    private const string BusinessValues =
        "'svc-' || (i % 5), CASE WHEN i % 100 = 0 THEN 'Error' WHEN i % 100 = 1 THEN 'Warning' ELSE 'Info' END, 'cat-' || (i % 10), 'action-' || (i % 50), " +
        "'Order placed', 'Success', CASE WHEN i % 10 < 3 THEN NULL ELSE 'user-' || (i % 5003) END, 'type-' || (i % 10), 'res-' || (i % 10007)";

    private const string ChangeColumns = "id, occurred_at, user_id, service_name, entity_type, table_name, entity_id, action, changed_fields, source";

    private const string ChangeValues =
        "CASE WHEN i % 10 < 3 THEN NULL ELSE 'user-' || (i % 5003) END, 'bench-api', 'Entity' || (i % 10), 'entities', '' || (i % 10007), " +
        "CASE WHEN i % 10 = 0 THEN 'Deleted' WHEN i % 10 < 4 THEN 'Created' ELSE 'Updated' END, '{\"price\": {\"before\": 1, \"after\": 2}}', 'Application'";

    public static async Task SeedAsync(AuditedStore store, string connectionString, int rows)
    {
        var sqlite = store == AuditedStore.Sqlite;
        var (start, step) = ((double)DateTimeOffset.UtcNow.AddDays(-30).ToUnixTimeSeconds(), TimeSpan.FromDays(30).TotalSeconds / rows);
        await using var connection = BenchmarkDatabases.Connect(store, connectionString);
        await connection.OpenAsync();
        await InsertRequestsAsync(connection, sqlite, rows, start, step);
        foreach (var (table, columns, values) in new[]
        {
            (AuditTables.BusinessEvent.Name, BusinessColumns, BusinessValues),
            (AuditTables.EntityChange.Name, ChangeColumns, ChangeValues),
        })
        {
            var extra = table == AuditTables.BusinessEvent.Name ? $"{Time(sqlite)}, " : "";
            await connection.ExecuteAsync(
                $"{Series(sqlite)} INSERT INTO {table} ({columns}) SELECT {Id(sqlite)}, {Time(sqlite)}, {extra}{values} FROM s",
                new { rows, start, step },
                commandTimeout: 900);
        }

        var request = AuditTables.Request.Name;
        await connection.ExecuteAsync(
            $"INSERT INTO {AuditTables.Security.Name} (id, occurred_at, event_type, severity, request_event_id, user_id, tenant_id) " +
            $"SELECT {Id(sqlite)}, occurred_at, 'AccessDenied', 'Warning', id, user_id, tenant_id FROM {request} WHERE status_code = 403",
            commandTimeout: 900);
        await connection.ExecuteAsync(
            $"INSERT INTO {AuditTables.Login.Name} (id, occurred_at, status, request_event_id, user_name, tenant_id) " +
            $"SELECT {Id(sqlite)}, occurred_at, 'SignIn', id, user_id, tenant_id FROM {request} WHERE path = '/api/login'",
            commandTimeout: 900);
        await RetentionSeed.AnalyzeAsync(store, connectionString);
    }

    /// <summary>
    /// Request rows by one statement: <paramref name="rows"/> of them, <paramref name="step"/> seconds apart from
    /// <paramref name="start"/> (Unix seconds); with a tenant and a seal, or (an app with neither, the default) without.
    /// </summary>
    public static Task InsertRequestsAsync(DbConnection connection, bool sqlite, int rows, double start, double step, bool tenantsAndSeals = true) =>
        connection.ExecuteAsync(
            $"{Series(sqlite)} INSERT INTO {AuditTables.Request.Name} ({RequestColumns}) SELECT {Id(sqlite)}, {Time(sqlite)}, " +
            (tenantsAndSeals ? RequestValues : RequestValues.Replace(TenantValue, "NULL", StringComparison.Ordinal).Replace(SealValues, "NULL, NULL, NULL", StringComparison.Ordinal)) + " FROM s",
            new { rows, start, step },
            commandTimeout: 900);

    /// <summary>The numbers 1 to @rows as <c>s(i)</c>.</summary>
    private static string Series(bool sqlite) => sqlite
        ? "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < @rows)"
        : "WITH s(i) AS (SELECT generate_series(1, @rows))";

    private static string Id(bool sqlite) => sqlite
        ? "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6)))"
        : "gen_random_uuid()";

    private static string Time(bool sqlite) => sqlite
        ? "strftime('%Y-%m-%dT%H:%M:%S', @start + i * @step, 'unixepoch') || '.0000000Z'"
        : "to_timestamp(@start + i * @step)";
}
