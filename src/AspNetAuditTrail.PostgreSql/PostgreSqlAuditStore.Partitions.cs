using System.Data.Common;
using System.Globalization;
using AspNetAuditTrail.Relational;
using AspNetAuditTrail.Retention;
using Dapper;
using Npgsql;

namespace AspNetAuditTrail.PostgreSql;

/// <summary>
/// Monthly partitions (<see cref="PostgreSqlAuditOptions.PartitionByMonth"/>): the big tables partitioned by range of
/// <c>occurred_at</c>, one partition a month (<c>request_audit_event_p202612</c>) and a default one for rows outside them,
/// months created ahead once a day, and retention dropping a month whole when every row in it is to go.
/// </summary>
public sealed partial class PostgreSqlAuditStore
{
    /// <summary>The tables partitioned by month; nothing references them with a foreign key, once they are.</summary>
    private static readonly string[] PartitionedTables = [AuditTables.Request.Name, AuditTables.Login.Name, AuditTables.Security.Name, AuditTables.BusinessEvent.Name];

    private DateTimeOffset _partitionsCheckedAt = DateTimeOffset.MinValue;

    /// <summary>Before a batch: the months ahead exist (checked once a day).</summary>
    protected override async Task BeforeWriteAsync(CancellationToken cancellationToken)
    {
        if (_options.PartitionByMonth && _time.GetUtcNow() - _partitionsCheckedAt >= TimeSpan.FromDays(1))
        {
            await EnsurePartitionsAsync(PartitionedTables, cancellationToken);
        }
    }

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<AuditRowCount>> RemoveWholePartitionsAsync(
        DbConnection connection, string table, DateTimeOffset newestCut, Func<string, (string Sql, object Parameters)> removable, CancellationToken cancellationToken)
    {
        if (!_options.PartitionByMonth || !PartitionedTables.Contains(table))
        {
            return [];
        }

        // Rows of this table that waited in the default partition go to their months first, so that a month is whole when it is dropped.
        await EnsurePartitionsAsync([table], cancellationToken);
        var counts = new List<AuditRowCount>();
        foreach (var (partition, month) in await PartitionsAsync((NpgsqlConnection)connection, null, table, cancellationToken))
        {
            if (month.AddMonths(1) > newestCut)
            {
                continue;
            }

            var (where, parameters) = removable("a.");
            var keeps = $"SELECT EXISTS (SELECT 1 FROM {partition} a WHERE NOT {where})";
            if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(keeps, parameters, cancellationToken: cancellationToken)))
            {
                continue;
            }

            // Locked parent first, as every query of the table locks it, so that no reader or writer deadlocks with the drop;
            // checked again under the lock: no row can arrive between the check and the drop.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            CommandDefinition Command(string sql, object? values = null) => new(sql, values, transaction, cancellationToken: cancellationToken);
            await connection.ExecuteAsync(Command($"LOCK TABLE {table}, {partition} IN ACCESS EXCLUSIVE MODE"));
            if (await connection.ExecuteScalarAsync<bool>(Command(keeps, parameters)))
            {
                continue;
            }

            var rows = await connection.QueryAsync<(string? Tenant, long Rows)>(Command($"SELECT a.tenant_id, COUNT(*) FROM {partition} a GROUP BY a.tenant_id"));
            await connection.ExecuteAsync(Command($"DROP TABLE {partition}"));
            await transaction.CommitAsync(cancellationToken);
            counts.AddRange(rows.Select(r => new AuditRowCount(table, r.Tenant, r.Rows)));
        }

        return counts;
    }

    /// <summary>Turns the big tables into partitioned ones (once: their rows are copied), then makes the months they need.</summary>
    private async Task PartitionAsync(CancellationToken cancellationToken)
    {
        await using (var connection = _dataSource.CreateConnection())
        {
            await connection.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(SchemaLockSql, transaction: transaction, cancellationToken: cancellationToken));
            foreach (var table in PartitionedTables)
            {
                if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                    "SELECT EXISTS (SELECT 1 FROM pg_partitioned_table WHERE partrelid = to_regclass(@table))", new { table }, transaction, cancellationToken: cancellationToken)))
                {
                    await ConvertAsync(connection, transaction, table, cancellationToken);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await EnsurePartitionsAsync(PartitionedTables, cancellationToken);
    }

    /// <summary>
    /// Replaces a table by a partitioned one with the same columns, checks, indexes and triggers, its key the id and the time:
    /// the foreign keys that point at it go (retention keeps the links whole instead), and its rows move across.
    /// </summary>
    private static async Task ConvertAsync(NpgsqlConnection connection, DbTransaction transaction, string table, CancellationToken cancellationToken)
    {
        CommandDefinition Command(string sql, object? parameters = null) => new(sql, parameters, transaction, cancellationToken: cancellationToken);
        var old = table + "_unpartitioned";
        foreach (var (name, child) in await connection.QueryAsync<(string, string)>(Command(
            "SELECT conname, conrelid::regclass::text FROM pg_constraint WHERE contype = 'f' AND confrelid = to_regclass(@table)", new { table })))
        {
            await connection.ExecuteAsync(Command($"ALTER TABLE {child} DROP CONSTRAINT \"{name}\""));
        }

        var triggers = (await connection.QueryAsync<string>(Command(
            "SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = to_regclass(@table) AND NOT tgisinternal", new { table }))).ToArray();
        var indexes = (await connection.QueryAsync<(string Name, string Definition)>(Command(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = @table AND indexname <> @key", new { table, key = table + "_pkey" }))).ToArray();
        await connection.ExecuteAsync(Command($"ALTER TABLE {table} RENAME TO {old}"));
        await connection.ExecuteAsync(Command($"ALTER TABLE {old} RENAME CONSTRAINT {table}_pkey TO {old}_pkey"));
        foreach (var index in indexes)
        {
            await connection.ExecuteAsync(Command($"DROP INDEX \"{index.Name}\""));
        }

        await connection.ExecuteAsync(Command($"CREATE TABLE {table} (LIKE {old} INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (occurred_at)"));
        await connection.ExecuteAsync(Command($"ALTER TABLE {table} ADD CONSTRAINT {table}_pkey PRIMARY KEY (id, occurred_at)"));
        await connection.ExecuteAsync(Command($"CREATE TABLE {table}_default PARTITION OF {table} DEFAULT"));
        foreach (var definition in indexes.Select(i => i.Definition).Concat(triggers))
        {
            await connection.ExecuteAsync(Command(definition));
        }

        foreach (var month in await connection.QueryAsync<DateTime>(Command($"SELECT DISTINCT date_trunc('month', occurred_at AT TIME ZONE 'UTC') FROM {old}")))
        {
            var start = new DateTimeOffset(DateTime.SpecifyKind(month, DateTimeKind.Utc));
            await connection.ExecuteAsync(Command($"CREATE TABLE {PartitionName(table, start)} PARTITION OF {table} FOR VALUES FROM ({Literal(start)}) TO ({Literal(start.AddMonths(1))})"));
        }

        await connection.ExecuteAsync(Command($"INSERT INTO {table} SELECT * FROM {old}"));
        await connection.ExecuteAsync(Command($"DROP TABLE {old}"));
    }

    /// <summary>
    /// Makes the tables' partitions of this month and the months ahead, and of every month that has rows in the default
    /// partition (moving them in). Done for every table, it counts as the day's check.
    /// </summary>
    private async Task EnsurePartitionsAsync(IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var current = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        await using var connection = _dataSource.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        foreach (var table in tables)
        {
            var existing = (await PartitionsAsync(connection, null, table, cancellationToken)).Select(p => p.Month).ToHashSet();
            var waiting = await connection.QueryAsync<DateTime>(new CommandDefinition(
                $"SELECT DISTINCT date_trunc('month', occurred_at AT TIME ZONE 'UTC') FROM {table}_default", cancellationToken: cancellationToken));
            var months = Enumerable.Range(0, _options.PartitionsAhead + 1).Select(current.AddMonths)
                .Concat(waiting.Select(m => new DateTimeOffset(DateTime.SpecifyKind(m, DateTimeKind.Utc))));
            foreach (var month in months.Distinct().Where(m => !existing.Contains(m)))
            {
                await AddPartitionAsync(connection, table, month, cancellationToken);
            }
        }

        if (tables.Count == PartitionedTables.Length)
        {
            _partitionsCheckedAt = now;
        }
    }

    /// <summary>Makes one month's partition, moving its rows out of the default partition; a month that cannot be made (rows arriving meanwhile) stays in the default one.</summary>
    private async Task AddPartitionAsync(NpgsqlConnection connection, string table, DateTimeOffset month, CancellationToken cancellationToken)
    {
        var partition = PartitionName(table, month);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        CommandDefinition Command(string sql) => new(sql, transaction: transaction, cancellationToken: cancellationToken);
        try
        {
            await connection.ExecuteAsync(Command(SchemaLockSql));
            await connection.ExecuteAsync(Command(BeginMaintenanceSql[0]));
            await connection.ExecuteAsync(Command($"CREATE TABLE IF NOT EXISTS {partition} (LIKE {table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)"));
            await connection.ExecuteAsync(Command(
                $"WITH moved AS (DELETE FROM {table}_default WHERE occurred_at >= {Literal(month)} AND occurred_at < {Literal(month.AddMonths(1))} RETURNING *) " +
                $"INSERT INTO {partition} SELECT * FROM moved"));
            await connection.ExecuteAsync(Command($"ALTER TABLE {table} ATTACH PARTITION {partition} FOR VALUES FROM ({Literal(month)}) TO ({Literal(month.AddMonths(1))})"));
            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException)
        {
            // Another instance made it first, or rows of that month arrived meanwhile: they are in the default partition, read and kept as any other.
            await transaction.RollbackAsync(cancellationToken);
        }
    }

    /// <summary>The monthly partitions of a table (the default one aside), oldest first.</summary>
    private static async Task<IReadOnlyList<(string Name, DateTimeOffset Month)>> PartitionsAsync(
        NpgsqlConnection connection, DbTransaction? transaction, string table, CancellationToken cancellationToken)
    {
        var names = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass(@table)", new { table }, transaction, cancellationToken: cancellationToken));
        var prefix = table + "_p";
        return [.. names
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.Length == prefix.Length + 6)
            .Select(n => (n, Month: DateTimeOffset.ParseExact(n[prefix.Length..] + "01", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)))
            .OrderBy(p => p.Month)];
    }

    private static string PartitionName(string table, DateTimeOffset month) => $"{table}_p{month.UtcDateTime:yyyyMM}";

    private static string Literal(DateTimeOffset time) => $"'{time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}+00'";
}
