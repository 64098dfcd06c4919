using System.Data.Common;
using System.Globalization;
using System.Text;
using AspNetAuditTrail.Retention;
using Dapper;

namespace AspNetAuditTrail.Relational;

/// <summary>
/// Retention in <see cref="SqlAuditStore"/>: every kind's cuts become one parameterised predicate, used alike to count
/// and to remove, so that a dry run's counts are what a real run removes. Kinds linked to requests go first; a request
/// goes only when no row that the plan keeps links to it.
/// </summary>
public abstract partial class SqlAuditStore : IAuditRetentionStore
{
    /// <summary>The kinds in removal order, with their table; all but the last link to requests by <c>request_event_id</c>.</summary>
    private static readonly (AuditRecordKind Kind, string Table)[] RemovalOrder =
    [
        (AuditRecordKind.SignIns, AuditTables.Login.Name),
        (AuditRecordKind.SecurityEvents, AuditTables.Security.Name),
        (AuditRecordKind.Processes, AuditTables.Process.Name),
        (AuditRecordKind.BusinessEvents, AuditTables.BusinessEvent.Name),
        (AuditRecordKind.EntityChanges, AuditTables.EntityChange.Name),
        (AuditRecordKind.Requests, AuditTables.Request.Name),
    ];

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditRowCount>> CountExpiredAsync(AuditPeriodPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var counts = new RowCounts();
        foreach (var (kind, table) in RemovalOrder.Where(k => plan.Of(k.Kind).Any()))
        {
            var parameters = new DynamicParameters();
            foreach (var (counted, sql) in CountSql(plan, kind, table, parameters))
            {
                await CountAsync(connection, null, counts, counted, sql, parameters, cancellationToken);
            }
        }

        return counts.ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditRowCount>> RemoveExpiredAsync(
        AuditPeriodPlan plan, int batchSize, Func<IReadOnlyList<AuditRowCount>, CancellationToken, Task>? afterBatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, 2_000);
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var total = new RowCounts();
        async Task ReportAsync(IReadOnlyList<AuditRowCount> removed)
        {
            total.Add(removed);
            if (afterBatch is not null)
            {
                await afterBatch(removed, cancellationToken);
            }
        }

        foreach (var (kind, table) in RemovalOrder.Where(k => plan.Of(k.Kind).Any()))
        {
            var whole = await RemoveWholePartitionsAsync(connection, table, plan.Of(kind).Max(c => c.Before), alias =>
            {
                var parameters = new DynamicParameters();
                return (Removable(plan, kind, alias, parameters), parameters);
            }, cancellationToken);
            if (whole.Count > 0)
            {
                await ReportAsync(whole);
            }

            (object Time, object Id)? last = null;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var batch = await NextBatchAsync(connection, plan, kind, table, last, batchSize, cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                last = (batch[^1].OccurredAt, batch[^1].Id);
                await ReportAsync((await RemoveBatchAsync(connection, kind, table, batch, cancellationToken)).ToList());
            }
        }

        return total.ToList();
    }

    /// <summary>
    /// Removes the partitions of a table (a dialect that partitions overrides this) that end before <paramref name="newestCut"/>
    /// and whose every row <paramref name="removable"/> selects, returning what they held; the rows left are then removed in batches.
    /// </summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="table">The table.</param>
    /// <param name="newestCut">The latest cut of the table's kind: no partition that ends after it can be all removable.</param>
    /// <param name="removable">The predicate of the rows to remove, for a table alias (such as <c>a.</c>), with its parameters.</param>
    /// <param name="cancellationToken">Stops between partitions.</param>
    protected virtual Task<IReadOnlyList<AuditRowCount>> RemoveWholePartitionsAsync(
        DbConnection connection, string table, DateTimeOffset newestCut, Func<string, (string Sql, object Parameters)> removable, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AuditRowCount>>([]);

    /// <summary>
    /// The next rows to remove, oldest first, after the last batch's last row (rows a kept row holds are passed once, not
    /// read again). Ids and times stay as the database gave them, so that the delete and the next page compare them as
    /// stored, whatever their text (a row written by another tool may spell its id otherwise).
    /// </summary>
    private async Task<IReadOnlyList<(object Id, object OccurredAt, string? TenantId)>> NextBatchAsync(
        DbConnection connection, AuditPeriodPlan plan, AuditRecordKind kind, string table, (object Time, object Id)? after, int batchSize, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        var sql = NextBatchSql(plan, kind, table, after, batchSize, parameters);
        var rows = await connection.QueryAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.Cast<IDictionary<string, object?>>()
            .Select(r => (r["id"]!, r["occurred_at"]!, (string?)FromDbValue(AuditColumnType.Text, r["tenant_id"])))
            .ToList();
    }

    /// <summary>Removes one batch (a process with its registrations and steps first) in one transaction.</summary>
    private async Task<RowCounts> RemoveBatchAsync(
        DbConnection connection, AuditRecordKind kind, string table, IReadOnlyList<(object Id, object OccurredAt, string? TenantId)> batch, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        var ids = string.Join(", ", batch.Select((row, i) =>
        {
            parameters.Add("id" + i.ToString(CultureInfo.InvariantCulture), row.Id);
            return "@id" + i.ToString(CultureInfo.InvariantCulture);
        }));
        var removed = new RowCounts();
        await InMaintenanceAsync(connection, async transaction =>
        {
            if (kind == AuditRecordKind.Processes)
            {
                foreach (var (counted, sql) in ChildCountSql(ids))
                {
                    await CountAsync(connection, transaction, removed, counted, sql, parameters, cancellationToken);
                }
            }

            foreach (var delete in DeleteSql(kind, table, ids))
            {
                await connection.ExecuteAsync(new CommandDefinition(delete, parameters, transaction, cancellationToken: cancellationToken));
            }
        }, cancellationToken);
        foreach (var group in batch.GroupBy(r => r.TenantId))
        {
            removed.Add(table, group.Key, group.Count());
        }

        return removed;
    }

    /// <summary>The counting statements of a kind, per table: its own rows and, for processes, their steps and registrations.</summary>
    private IEnumerable<(string Table, string Sql)> CountSql(AuditPeriodPlan plan, AuditRecordKind kind, string table, DynamicParameters parameters)
    {
        var where = Removable(plan, kind, "a.", parameters);
        yield return (table, CountSql(table, where));
        if (kind == AuditRecordKind.Processes)
        {
            foreach (var child in ChildCountSql($"SELECT a.id FROM {TableName(table)} a WHERE {where}"))
            {
                yield return child;
            }
        }
    }

    /// <summary>Counts the steps and registrations of the processes that <paramref name="processIds"/> selects (a list of ids, or a query of them), by tenant.</summary>
    private IEnumerable<(string Table, string Sql)> ChildCountSql(string processIds)
    {
        var (step, registration) = (TableName(AuditTables.Step.Name), TableName(AuditTables.Registration.Name));
        yield return (AuditTables.Step.Name, $"SELECT s.tenant_id AS tenant, COUNT(*) AS n FROM {step} s WHERE s.process_id IN ({processIds}) GROUP BY s.tenant_id");
        yield return (AuditTables.Registration.Name,
            $"SELECT g.tenant_id AS tenant, COUNT(*) AS n FROM {registration} g JOIN {step} s ON s.id = g.step_id WHERE s.process_id IN ({processIds}) GROUP BY g.tenant_id");
    }

    /// <summary>The statements that remove a batch by its ids: a process's registrations and steps first.</summary>
    private IEnumerable<string> DeleteSql(AuditRecordKind kind, string table, string ids)
    {
        if (kind == AuditRecordKind.Processes)
        {
            yield return $"DELETE FROM {TableName(AuditTables.Registration.Name)} WHERE step_id IN (SELECT s.id FROM {TableName(AuditTables.Step.Name)} s WHERE s.process_id IN ({ids}))";
            yield return $"DELETE FROM {TableName(AuditTables.Step.Name)} WHERE process_id IN ({ids})";
        }

        yield return $"DELETE FROM {TableName(table)} WHERE id IN ({ids})";
    }

    /// <summary>The next batch's rows: removable, after the last batch's last row, oldest first.</summary>
    private string NextBatchSql(AuditPeriodPlan plan, AuditRecordKind kind, string table, (object Time, object Id)? after, int batchSize, DynamicParameters parameters)
    {
        var sql = new StringBuilder($"SELECT a.id, a.occurred_at, a.tenant_id FROM {TableName(table)} a WHERE {Removable(plan, kind, "a.", parameters)}");
        if (after is { } position)
        {
            sql.Append(" AND a.occurred_at >= @afterTime AND (a.occurred_at > @afterTime OR (a.occurred_at = @afterTime AND a.id > @afterId))");
            parameters.Add("afterTime", position.Time);
            parameters.Add("afterId", position.Id);
        }

        return Limit(sql.Append(" ORDER BY a.occurred_at, a.id").ToString(), batchSize);
    }

    /// <summary>Every kind of retention statement, with every kind of cut, for syntax checks.</summary>
    internal IEnumerable<string> RetentionStatements()
    {
        var now = DateTimeOffset.UnixEpoch;
        var plan = AuditPeriodPlan.Create(
            new AuditRetentionOptions
            {
                Requests = 30, SignIns = 90, SecurityEvents = 365, Processes = 180, BusinessEvents = 365, EntityChanges = 365, BusinessEventCategories = { ["billing"] = 1825 },
                Tenants = { ["acme"] = new AuditPeriods { Requests = 7, BusinessEventCategories = { ["orders"] = 10 } } },
            },
            now);
        foreach (var (kind, table) in RemovalOrder)
        {
            foreach (var (_, sql) in CountSql(plan, kind, table, new DynamicParameters()))
            {
                yield return sql;
            }

            yield return NextBatchSql(plan, kind, table, (now, Guid.Empty), 1000, new DynamicParameters());
            foreach (var delete in DeleteSql(kind, table, "@id0, @id1"))
            {
                yield return delete;
            }
        }

        yield return RenewLeaseSql;
        yield return TakeLeaseSql;
        yield return ReleaseLeaseSql;
    }

    /// <summary>The rows of a table that <paramref name="where"/> selects (alias <c>a</c>), counted by tenant.</summary>
    private string CountSql(string table, string where) =>
        $"SELECT a.tenant_id AS tenant, COUNT(*) AS n FROM {TableName(table)} a WHERE {where} GROUP BY a.tenant_id";

    private async Task CountAsync(
        DbConnection connection, DbTransaction? transaction, RowCounts counts, string table, string sql, object parameters, CancellationToken cancellationToken)
    {
        foreach (var row in (await connection.QueryAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken))).Cast<IDictionary<string, object?>>())
        {
            counts.Add(table, (string?)FromDbValue(AuditColumnType.Text, row["tenant"]), Convert.ToInt64(row["n"], CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// The rows of a kind that the plan removes; for requests, only those that no row the plan keeps links to. One
    /// parenthesised predicate, never NULL, so that a caller may negate it or join it to others as it is.
    /// </summary>
    private string Removable(AuditPeriodPlan plan, AuditRecordKind kind, string alias, DynamicParameters parameters)
    {
        var where = Expired(plan, kind, alias, parameters);
        if (kind != AuditRecordKind.Requests)
        {
            return where;
        }

        var held = RemovalOrder.Where(k => k.Kind != AuditRecordKind.Requests).Select((linked, i) =>
            $"NOT EXISTS (SELECT 1 FROM {TableName(linked.Table)} l{i} WHERE l{i}.request_event_id = {alias}id AND NOT {Expired(plan, linked.Kind, $"l{i}.", parameters)})");
        return $"({where} AND {string.Join(" AND ", held)})";
    }

    /// <summary>The plan's cuts of a kind as one predicate, true or false for every row (never NULL, so that NOT of it is what it says).</summary>
    private string Expired(AuditPeriodPlan plan, AuditRecordKind kind, string alias, DynamicParameters parameters)
    {
        string Parameter(object? value)
        {
            var name = "r" + parameters.ParameterNames.Count().ToString(CultureInfo.InvariantCulture);
            parameters.Add(name, value);
            return "@" + name;
        }

        string List(IEnumerable<string> values) => string.Join(", ", values.Select(v => Parameter(v)));
        var cuts = plan.Of(kind).Select(cut =>
        {
            var sql = new StringBuilder($"({alias}occurred_at < {Parameter(ToDbValue(AuditColumnType.Timestamp, cut.Before))}");
            if (cut.TenantId is not null)
            {
                sql.Append($" AND {alias}tenant_id IS NOT NULL AND {alias}tenant_id = {Parameter(cut.TenantId)}");
            }
            else if (cut.ExceptTenants.Count > 0)
            {
                sql.Append($" AND ({alias}tenant_id IS NULL OR {alias}tenant_id NOT IN ({List(cut.ExceptTenants)}))");
            }

            if (cut.Category is not null)
            {
                sql.Append($" AND {alias}category = {Parameter(cut.Category)}");
            }
            else if (cut.ExceptCategories.Count > 0)
            {
                sql.Append($" AND {alias}category NOT IN ({List(cut.ExceptCategories)})");
            }

            return sql.Append(')').ToString();
        }).ToArray();
        return cuts.Length == 0 ? "1 = 0" : $"({string.Join(" OR ", cuts)})";
    }
}
