using AspNetAuditTrail.IntegrationTests.Databases;
using AspNetAuditTrail.PostgreSql;
using AspNetAuditTrail.Relational;
using AspNetAuditTrail.Retention;
using AspNetAuditTrail.Storage;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>PostgreSQL's monthly partitions: an existing database switched over with its rows, writes that stay idempotent, retention that drops whole months.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlPartitionTests(PostgreSqlServer server) : DatabaseTest(new PostgreSqlAuditDatabase(server, fresh: true, partitioned: true))
{
    private static readonly string[] Partitioned = [AuditTables.Request.Name, AuditTables.Login.Name, AuditTables.Security.Name, AuditTables.BusinessEvent.Name];
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task SwitchingAnExistingDatabaseKeepsEveryRowInItsMonthAndWritesStayIdempotent()
    {
        var units = RetentionData.Units(Now);
        var plain = new PostgreSqlAuditStore(Database.ConnectionString, TimeProvider.System);
        await plain.MigrateAsync(Token);
        await plain.WriteAsync(units, Token);
        var before = Database.RowCounts();

        var store = Database.CreateStore();
        await ((IAuditSchemaMigrator)store).MigrateAsync(Token);
        await ((IAuditSchemaMigrator)store).MigrateAsync(Token);
        await store.WriteAsync(units, Token);

        Assert.Equal(before, Database.RowCounts());
        foreach (var table in Partitioned)
        {
            Assert.True(Database.Scalar<bool>("SELECT EXISTS (SELECT 1 FROM pg_partitioned_table WHERE partrelid = to_regclass(@table))", new { table }), table);
            Assert.Equal(0L, Database.Scalar<long>($"SELECT count(*) FROM {table}_default"));
            Assert.Equal(0L, Database.Scalar<long>($"SELECT count(*) FROM {table} WHERE date_trunc('month', occurred_at AT TIME ZONE 'UTC') <> to_date(substring(tableoid::regclass::text from '_p([0-9]{{6}})$'), 'YYYYMM')"));
        }

        // A month for each age of the rows, and this month and three ahead.
        var months = RetentionData.Ages.Select(a => Now.AddDays(-a).ToString("yyyyMM", System.Globalization.CultureInfo.InvariantCulture))
            .Concat(Enumerable.Range(0, 4).Select(m => Now.AddMonths(m).ToString("yyyyMM", System.Globalization.CultureInfo.InvariantCulture))).ToHashSet();
        Assert.Equal(months, Partitions(AuditTables.Request.Name).ToHashSet());
        Assert.Equal(0L, Database.Scalar<long>("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND confrelid = to_regclass('request_audit_event')"));
    }

    [Fact]
    public async Task RetentionDropsTheMonthsWhoseRowsAllGoAndDeletesTheRestRowByRow()
    {
        var store = Database.CreateStore();
        await ((IAuditSchemaMigrator)store).MigrateAsync(Token);
        await store.WriteAsync(RetentionData.Units(Now), Token);

        // Old rows wait in the default partition until their months are made (at the next migration, day or retention run).
        await ((IAuditSchemaMigrator)store).MigrateAsync(Token);
        var before = Partitioned.ToDictionary(t => t, t => Partitions(t).Count);

        var plan = AuditPeriodPlan.Create(new AuditRetentionOptions { Requests = 30, SignIns = 90, SecurityEvents = 365, Processes = 180, BusinessEvents = 60 }, Now);
        var counted = await ((IAuditRetentionStore)store).CountExpiredAsync(plan, Token);
        var removed = await ((IAuditRetentionStore)store).RemoveExpiredAsync(plan, 1000, null, Token);

        Assert.Equal(counted, removed);

        // Sign-ins past 90 days (100, 200, 420, 500) and security events past 365 (420, 500): their months are gone, not emptied.
        Assert.Equal(before[AuditTables.Login.Name] - 4, Partitions(AuditTables.Login.Name).Count);
        Assert.Equal(before[AuditTables.Security.Name] - 2, Partitions(AuditTables.Security.Name).Count);

        // No month older than the shortest period is left empty: what could go whole went whole.
        foreach (var table in Partitioned)
        {
            foreach (var month in Partitions(table).Where(m => string.CompareOrdinal(m, Now.AddDays(-40).ToString("yyyyMM", System.Globalization.CultureInfo.InvariantCulture)) <= 0))
            {
                Assert.True(Database.Scalar<long>($"SELECT count(*) FROM {table}_p{month}") > 0, $"{table}_p{month} is empty");
            }
        }
    }

    private List<string> Partitions(string table) =>
        [.. Database.Query("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass(@table) AND c.relname <> @default", new { table, @default = table + "_default" })
            .Select(r => ((string)r["relname"]!)[^6..])];
}
