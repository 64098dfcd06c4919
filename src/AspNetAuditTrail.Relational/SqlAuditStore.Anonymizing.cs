using System.Data;
using System.Data.Common;
using System.Text.RegularExpressions;
using AspNetAuditTrail.Retention;
using Dapper;

namespace AspNetAuditTrail.Relational;

/// <summary>How <see cref="SqlAuditStore"/> anonymises rows: each row's personal values read, replaced in the app, and written back by id with its content removed.</summary>
public abstract partial class SqlAuditStore
{
    /// <summary>The text columns whose segments may name a user (a request's path, a security event's endpoint).</summary>
    private static readonly (string Table, string Column)[] SegmentColumns =
        [.. Segments(AuditTables.Request), .. Segments(AuditTables.Security)];

    /// <summary>The rows the predicate selects, oldest first, with their subject and identifier values.</summary>
    private async Task<IReadOnlyList<PersonalRow>> PersonalRowsAsync(
        DbConnection connection, DbTransaction? transaction, PersonalTable table, string where, DynamicParameters parameters, int? limit, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync(new CommandDefinition(PersonalRowsSql(table, where, limit), parameters, transaction, cancellationToken: cancellationToken));
        return [.. rows.Cast<IDictionary<string, object?>>().Select(r => new PersonalRow(
            r["id"]!,
            (string?)FromDbValue(AuditColumnType.Text, r["tenant_id"]),
            [.. table.Replaced.Select(c => (string?)FromDbValue(AuditColumnType.Text, r[c]))]))];
    }

    private string PersonalRowsSql(PersonalTable table, string where, int? limit)
    {
        var sql = $"SELECT a.id, a.tenant_id{string.Concat(table.Replaced.Select(c => ", a." + c))} FROM {TableName(table.Name)} a WHERE {where} ORDER BY a.occurred_at, a.id";
        return limit is { } rows ? Limit(sql, rows) : sql;
    }

    /// <summary>
    /// Writes each row back with the values <paramref name="replaces"/> picks (by their index in <see cref="PersonalTable.Replaced"/>)
    /// replaced by their pseudonyms, its content removed and <c>anonymized_at</c> set: one prepared update, run per row.
    /// </summary>
    private async Task AnonymizeRowsAsync(
        DbConnection connection, DbTransaction transaction, PersonalTable table, IReadOnlyList<PersonalRow> rows, AuditPseudonymizer pseudonymizer,
        Func<PersonalRow, Func<int, bool>> replaces, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = AnonymizeRowSql(table);
        var count = table.Subjects.Count + table.Identifiers.Count;
        var parameters = new DbParameter[count + 2];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = ParameterName(i);
            command.Parameters.Add(parameters[i]);
        }

        for (var i = 0; i < count; i++)
        {
            parameters[i].DbType = DbType.String;
        }

        parameters[count].Value = ToDbValue(AuditColumnType.Timestamp, timeProvider.GetUtcNow());
        var prepared = false;
        foreach (var row in rows)
        {
            var replaced = replaces(row);
            for (var i = 0; i < count; i++)
            {
                parameters[i].Value = (replaced(i) ? pseudonymizer.Replace(row.Values[i]) : row.Values[i]) ?? (object)DBNull.Value;
            }

            parameters[count + 1].Value = row.Id;
            if (!prepared)
            {
                await command.PrepareAsync(cancellationToken);
                prepared = true;
            }

            if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                // Never again selected as anonymisable otherwise: a run would go round for ever.
                throw new InvalidOperationException($"Row {row.Id} of {table.Name} could not be anonymised: it changed or went while this ran.");
            }
        }
    }

    private string AnonymizeRowSql(PersonalTable table)
    {
        var replaced = table.Replaced.ToArray();
        var sets = replaced.Select((c, i) => $"{c} = {ParameterName(i)}")
            .Concat(table.Contents.Select(c => $"{c} = NULL"))
            .Append($"anonymized_at = {ParameterName(replaced.Length)}");
        return $"UPDATE {TableName(table.Name)} SET {string.Join(", ", sets)} WHERE id = {ParameterName(replaced.Length + 1)}";
    }

    /// <summary>Replaces the segments of a text column (a path, an endpoint) that are the user's id, in every row that holds one.</summary>
    private async Task<IReadOnlyList<(object Id, string? TenantId)>> ReplaceSegmentsAsync(
        DbConnection connection, DbTransaction transaction, string table, string column, string userId, Regex segment, string replacement, CancellationToken cancellationToken)
    {
        // LIKE only narrows the rows (a '*' in the id matches more); the expression decides.
        var rows = await connection.QueryAsync(new CommandDefinition(
            SegmentCandidatesSql(table, column), new { like = LikePattern("*" + userId + "*") }, transaction, cancellationToken: cancellationToken));
        var maxLength = ColumnLength(table, column);
        var changed = new List<(object, string?)>();
        foreach (var row in rows.Cast<IDictionary<string, object?>>())
        {
            var text = (string)FromDbValue(AuditColumnType.Text, row["value"])!;
            var replaced = segment.Replace(text, replacement);
            if (replaced == text)
            {
                continue;
            }

            var id = row["id"]!;
            await connection.ExecuteAsync(new CommandDefinition(
                ReplaceSegmentSql(table, column),
                new { value = maxLength > 0 && replaced.Length > maxLength ? replaced[..maxLength] : replaced, id, now = ToDbValue(AuditColumnType.Timestamp, timeProvider.GetUtcNow()) },
                transaction,
                cancellationToken: cancellationToken));
            changed.Add((id, (string?)FromDbValue(AuditColumnType.Text, row["tenant_id"])));
        }

        return changed;
    }

    private string SegmentCandidatesSql(string table, string column) =>
        $@"SELECT a.id, a.tenant_id, a.{column} AS value FROM {TableName(table)} a WHERE a.{column} LIKE @like ESCAPE '\'";

    // The row counts as anonymised: its chain's MAC holds the segment through the row's personal digest.
    private string ReplaceSegmentSql(string table, string column) =>
        $"UPDATE {TableName(table)} SET {column} = @value, anonymized_at = COALESCE(anonymized_at, @now) WHERE id = @id";

    private static int ColumnLength(string table, string column) => table == AuditTables.Request.Name
        ? AuditTables.Request.Columns.First(c => c.Name == column).MaxLength
        : AuditTables.Security.Columns.First(c => c.Name == column).MaxLength;

    private static IEnumerable<(string Table, string Column)> Segments<TEvent>(AuditTable<TEvent> table) =>
        table.Columns.Where(c => c.Personal == AuditPersonalData.Segments).Select(c => (table.Name, c.Name));

    /// <summary>Every kind of personal-data statement, for syntax checks.</summary>
    internal IEnumerable<string> PersonalDataStatements()
    {
        var plan = AuditPeriodPlan.Create(new AuditAnonymizationOptions { Requests = 30, BusinessEvents = 60, BusinessEventCategories = { ["billing"] = 90 } }, new Dictionary<string, AuditPeriods>(), DateTimeOffset.UnixEpoch);
        foreach (var table in PersonalTable.All)
        {
            yield return CountSql(table.Name, About(table, "a."));
            yield return ExportSql(table);
            yield return CountSql(table.Name, Anonymizable(plan, table, new DynamicParameters()));
            yield return PersonalRowsSql(table, About(table, "a."), null);
            yield return PersonalRowsSql(table, Anonymizable(plan, table, new DynamicParameters()), 1000);
            yield return AnonymizeRowSql(table);
        }

        foreach (var (table, column) in SegmentColumns)
        {
            yield return SegmentCandidatesSql(table, column);
            yield return ReplaceSegmentSql(table, column);
        }
    }
}
