using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Retention;
using Dapper;

namespace AspNetAuditTrail.Relational;

/// <summary>
/// A person's data in <see cref="SqlAuditStore"/>: the rows about a user are those whose subject columns name them and
/// those linked to such rows (through a request, a process, a step), found by one predicate per table for counting,
/// export and anonymisation alike. Pseudonyms are made here, never in SQL, so the key never reaches the database.
/// </summary>
public abstract partial class SqlAuditStore : IAuditPersonalDataStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditRowCount>> CountUserAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var counts = new RowCounts();
        foreach (var table in PersonalTable.All)
        {
            await CountAsync(connection, null, counts, table.Name, CountSql(table.Name, About(table, "a.")), new { user = userId }, cancellationToken);
        }

        return counts.ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditRowCount>> ExportUserAsync(string userId, Utf8JsonWriter writer, Action<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(writer);
        var counts = new RowCounts();
        async Task ExportAsync<TEvent>(AuditTable<TEvent> table)
            where TEvent : IAuditEvent
        {
            var parameters = new DynamicParameters(new { user = userId });
            var sql = ExportSql(PersonalTable.Named(table.Name));
            writer.WritePropertyName(table.Name);
            writer.WriteStartArray();
            var pending = 0;
            await foreach (var row in ReadAsync(table, sql, parameters, cancellationToken))
            {
                AuditRecordJson.Write(writer, row, table);
                counts.Add(table.Name, row.TenantId, 1);
                if (++pending == 500)
                {
                    await writer.FlushAsync(cancellationToken);
                    progress?.Invoke(pending);
                    pending = 0;
                }
            }

            writer.WriteEndArray();
            progress?.Invoke(pending);
        }

        await ExportAsync(AuditTables.Request);
        await ExportAsync(AuditTables.Login);
        await ExportAsync(AuditTables.Security);
        await ExportAsync(AuditTables.Process);
        await ExportAsync(AuditTables.Step);
        await ExportAsync(AuditTables.Registration);
        await ExportAsync(AuditTables.BusinessEvent);
        await ExportAsync(AuditTables.EntityChange);
        return counts.ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditRowCount>> AnonymizeUserAsync(string userId, AuditPseudonymizer pseudonymizer, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(pseudonymizer);
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var changed = new Dictionary<(string Table, object Id), string?>();
        await InMaintenanceAsync(connection, async transaction =>
        {
            foreach (var table in PersonalTable.All)
            {
                var rows = await PersonalRowsAsync(connection, transaction, table, About(table, "a."), new DynamicParameters(new { user = userId }), null, cancellationToken);
                await AnonymizeRowsAsync(connection, transaction, table, rows, pseudonymizer, row =>
                {
                    // Who the row is about changes in the user's own rows; in rows linked to theirs, only a value that is the user.
                    var own = row.Values.Take(table.Subjects.Count).Contains(userId, StringComparer.Ordinal);
                    return i => i >= table.Subjects.Count || own || row.Values[i] == userId;
                }, cancellationToken);
                foreach (var row in rows)
                {
                    changed[(table.Name, row.Id)] = row.TenantId;
                }
            }

            var segment = new Regex($@"(?<=^|[/\s]){Regex.Escape(userId)}(?=$|[/\s?#])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            foreach (var (table, column) in SegmentColumns)
            {
                foreach (var (id, tenant) in await ReplaceSegmentsAsync(connection, transaction, table, column, userId, segment, pseudonymizer.Replace(userId) ?? "anon", cancellationToken))
                {
                    changed[(table, id)] = tenant;
                }
            }
        }, cancellationToken);
        var counts = new RowCounts();
        foreach (var ((table, _), tenant) in changed)
        {
            counts.Add(table, tenant, 1);
        }

        return counts.ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditRowCount>> CountAnonymizableAsync(AuditPeriodPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var counts = new RowCounts();
        foreach (var table in PersonalTable.All.Where(t => plan.Of(t.Kind).Any()))
        {
            var parameters = new DynamicParameters();
            await CountAsync(connection, null, counts, table.Name, CountSql(table.Name, Anonymizable(plan, table, parameters)), parameters, cancellationToken);
        }

        return counts.ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditRowCount>> AnonymizeExpiredAsync(
        AuditPeriodPlan plan, AuditPseudonymizer pseudonymizer, int batchSize, Func<IReadOnlyList<AuditRowCount>, CancellationToken, Task>? afterBatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(pseudonymizer);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var total = new RowCounts();
        foreach (var table in PersonalTable.All.Where(t => plan.Of(t.Kind).Any()))
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var parameters = new DynamicParameters();
                var rows = await PersonalRowsAsync(connection, null, table, Anonymizable(plan, table, parameters), parameters, batchSize, cancellationToken);
                if (rows.Count == 0)
                {
                    break;
                }

                await InMaintenanceAsync(
                    connection, transaction => AnonymizeRowsAsync(connection, transaction, table, rows, pseudonymizer, _ => _ => true, cancellationToken), cancellationToken);

                var batch = new RowCounts();
                foreach (var group in rows.GroupBy(r => r.TenantId))
                {
                    batch.Add(table.Name, group.Key, group.Count());
                }

                total.Add(batch);
                if (afterBatch is not null)
                {
                    await afterBatch(batch.ToList(), cancellationToken);
                }
            }
        }

        return total.ToList();
    }

    /// <summary>Every row of a table about <c>@user</c>, oldest first.</summary>
    private string ExportSql(PersonalTable table) => $"SELECT a.* FROM {TableName(table.Name)} a WHERE {About(table, "a.")} ORDER BY a.occurred_at, a.id";

    /// <summary>The rows of a table past the plan's cut that are not anonymised yet.</summary>
    private string Anonymizable(AuditPeriodPlan plan, PersonalTable table, DynamicParameters parameters) =>
        $"a.anonymized_at IS NULL AND {Expired(plan, table.Kind, "a.", parameters)}";

    /// <summary>The rows about <c>@user</c>: its subject columns name them, or its parent row is about them.</summary>
    private string About(PersonalTable table, string alias)
    {
        var parts = table.Subjects.Select(c => $"{alias}{c} = @user").ToList();
        if (table.Link is var (column, parentName))
        {
            var parent = PersonalTable.Named(parentName);
            var inner = alias.TrimEnd('.') + "p";
            parts.Add($"{alias}{column} IN (SELECT {inner}.id FROM {TableName(parent.Name)} {inner} WHERE {About(parent, inner + ".")})");
        }

        return $"({string.Join(" OR ", parts)})";
    }
}
