using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Reading;
using Dapper;

namespace AspNetAuditTrail.Relational;

/// <summary>The reading half of <see cref="SqlAuditStore"/>: parameterised queries, keyset pages, unbuffered streams.</summary>
public abstract partial class SqlAuditStore
{
    /// <summary>Limits an ordered query to its first rows (a dialect may use its own syntax).</summary>
    protected virtual string Limit(string orderedSql, int rows) => $"{orderedSql} LIMIT {rows.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Converts a value read back into the common form: ids as <see cref="Guid"/>, times as UTC <see cref="DateTimeOffset"/>, integers as <see cref="long"/>, JSON as text.</summary>
    protected virtual object? FromDbValue(AuditColumnType type, object? value) => value switch
    {
        null or DBNull => null,
        _ => type switch
        {
            AuditColumnType.Id => value is Guid id ? id : Guid.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!),
            AuditColumnType.Timestamp => value switch
            {
                DateTimeOffset time => time.ToUniversalTime(),
                DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
                _ => DateTimeOffset.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            },
            AuditColumnType.Int32 or AuditColumnType.Int64 => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            AuditColumnType.Double => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            AuditColumnType.Boolean => value is bool flag ? flag : Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0,
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        },
    };

    /// <inheritdoc />
    public async Task<AuditPage> QueryRequestsAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, 1000);
        var rows = new List<RequestAuditEvent>(query.PageSize + 1);
        await foreach (var row in ReadRequestsAsync(query, query.PageSize + 1, cancellationToken))
        {
            rows.Add(row);
        }

        if (rows.Count <= query.PageSize)
        {
            return new AuditPage(rows, null);
        }

        rows.RemoveAt(rows.Count - 1);
        var last = rows[^1];
        return new AuditPage(rows, new AuditPosition(last.OccurredAt, last.Id).ToToken());
    }

    /// <inheritdoc />
    public IAsyncEnumerable<RequestAuditEvent> StreamRequestsAsync(AuditQuery query, CancellationToken cancellationToken) =>
        ReadRequestsAsync(query with { After = null }, null, cancellationToken);

    /// <inheritdoc />
    public async Task<AuditEventDetails?> GetRequestAsync(Guid id, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        parameters.Add("id", ToDbValue(AuditColumnType.Id, id));
        var request = await ToListAsync(AuditTables.Request, $"SELECT * FROM {TableName(AuditTables.Request.Name)} WHERE id = @id", parameters, cancellationToken);
        if (request.Count == 0)
        {
            return null;
        }

        Task<List<TEvent>> Linked<TEvent>(AuditTable<TEvent> table) =>
            ToListAsync(table, $"SELECT * FROM {TableName(table.Name)} WHERE request_event_id = @id ORDER BY occurred_at, id", parameters, cancellationToken);

        // Six queries, however many processes and steps: steps and registrations come through their process.
        var processes = await Linked(AuditTables.Process);
        var steps = await ToListAsync(AuditTables.Step, StepsOfRequestSql, parameters, cancellationToken);
        var registrations = await ToListAsync(AuditTables.Registration, RegistrationsOfRequestSql, parameters, cancellationToken);
        return new AuditEventDetails(request[0], await Linked(AuditTables.Login), await Linked(AuditTables.Security), processes, steps, registrations);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<TEvent> StreamAsync<TEvent>(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
        where TEvent : class, IAuditEvent
    {
        var table = AuditTables.Of<TEvent>();
        var sql = new StringBuilder($"SELECT * FROM {TableName(table.Name)} WHERE 1 = 1");
        var parameters = new DynamicParameters();
        AddTimeRange(sql, parameters, from, to);
        sql.Append(" ORDER BY occurred_at, id");
        return ReadAsync(table, sql.ToString(), parameters, cancellationToken);
    }

    private IAsyncEnumerable<RequestAuditEvent> ReadRequestsAsync(AuditQuery query, int? limit, CancellationToken cancellationToken)
    {
        var (sql, parameters) = RequestQuery(query, limit);
        return ReadAsync(AuditTables.Request, sql, parameters, cancellationToken);
    }

    /// <summary>The statement and parameters of a request query.</summary>
    internal (string Sql, DynamicParameters Parameters) RequestQuery(AuditQuery query, int? limit)
    {
        var sql = new StringBuilder($"SELECT * FROM {TableName(AuditTables.Request.Name)} r WHERE 1 = 1");
        var parameters = new DynamicParameters();
        AddTimeRange(sql, parameters, query.From, query.To, "r.");
        if (query.UserId is not null)
        {
            sql.Append(" AND r.user_id = @userId");
            parameters.Add("userId", query.UserId);
        }

        if (query.Method is not null)
        {
            sql.Append(" AND r.method = @method");
            parameters.Add("method", query.Method);
        }

        if (query.StatusCode is { } status)
        {
            sql.Append(" AND r.status_code = @status");
            parameters.Add("status", status);
        }

        if (query.StatusClass is { } statusClass)
        {
            sql.Append(" AND r.status_code >= @statusFrom AND r.status_code < @statusTo");
            parameters.Add("statusFrom", statusClass * 100);
            parameters.Add("statusTo", (statusClass + 1) * 100);
        }

        if (query.PathPattern is not null)
        {
            sql.Append(@" AND r.path LIKE @path ESCAPE '\'");
            parameters.Add("path", LikePattern(query.PathPattern));
        }

        var linked = query.Kind switch
        {
            EventKind.Login => AuditTables.Login.Name,
            EventKind.Security => AuditTables.Security.Name,
            EventKind.Process => AuditTables.Process.Name,
            _ => null,
        };
        if (linked is not null)
        {
            sql.Append($" AND EXISTS (SELECT 1 FROM {TableName(linked)} x WHERE x.request_event_id = r.id)");
        }

        if (query.After is { } after)
        {
            sql.Append(" AND (r.occurred_at < @afterTime OR (r.occurred_at = @afterTime AND r.id < @afterId))");
            parameters.Add("afterTime", ToDbValue(AuditColumnType.Timestamp, after.OccurredAt));
            parameters.Add("afterId", ToDbValue(AuditColumnType.Id, after.Id));
        }

        sql.Append(" ORDER BY r.occurred_at DESC, r.id DESC");
        return (limit is { } rows ? Limit(sql.ToString(), rows) : sql.ToString(), parameters);
    }

    /// <summary>The steps of a request's processes, in process order, then step order.</summary>
    private string StepsOfRequestSql =>
        $"SELECT s.* FROM {TableName(AuditTables.Step.Name)} s JOIN {TableName(AuditTables.Process.Name)} p ON p.id = s.process_id " +
        "WHERE p.request_event_id = @id ORDER BY p.occurred_at, p.id, s.step_order, s.id";

    /// <summary>The registrations of a request's steps, in step order, then time.</summary>
    private string RegistrationsOfRequestSql =>
        $"SELECT g.* FROM {TableName(AuditTables.Registration.Name)} g JOIN {TableName(AuditTables.Step.Name)} s ON s.id = g.step_id " +
        $"JOIN {TableName(AuditTables.Process.Name)} p ON p.id = s.process_id " +
        "WHERE p.request_event_id = @id ORDER BY p.occurred_at, p.id, s.step_order, s.id, g.occurred_at, g.id";

    /// <summary>Every kind of reading statement, with every filter on, for syntax checks.</summary>
    internal IEnumerable<string> ReadingStatements()
    {
        var everything = new AuditQuery
        {
            From = DateTimeOffset.UnixEpoch,
            To = DateTimeOffset.UnixEpoch,
            UserId = "u",
            Method = "GET",
            StatusCode = 200,
            StatusClass = 2,
            PathPattern = "/api/*",
            Kind = EventKind.Security,
            After = new AuditPosition(DateTimeOffset.UnixEpoch, Guid.Empty),
        };
        yield return RequestQuery(everything, 101).Sql;
        yield return RequestQuery(everything with { Kind = EventKind.Process }, null).Sql;
        yield return $"SELECT * FROM {TableName(AuditTables.Request.Name)} WHERE id = @id";
        yield return StepsOfRequestSql;
        yield return RegistrationsOfRequestSql;
        yield return $"SELECT * FROM {TableName(AuditTables.Login.Name)} WHERE 1 = 1 AND occurred_at >= @from AND occurred_at < @to ORDER BY occurred_at, id";
    }

    private void AddTimeRange(StringBuilder sql, DynamicParameters parameters, DateTimeOffset? from, DateTimeOffset? to, string alias = "")
    {
        if (from is { } start)
        {
            sql.Append($" AND {alias}occurred_at >= @from");
            parameters.Add("from", ToDbValue(AuditColumnType.Timestamp, start));
        }

        if (to is { } end)
        {
            sql.Append($" AND {alias}occurred_at < @to");
            parameters.Add("to", ToDbValue(AuditColumnType.Timestamp, end));
        }
    }

    /// <summary>A LIKE pattern where only <c>*</c> is a wildcard: <c>%</c>, <c>_</c> and <c>\</c> match themselves.</summary>
    internal static string LikePattern(string pattern) =>
        pattern.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal)
            .Replace("*", "%", StringComparison.Ordinal);

    private async Task<List<TEvent>> ToListAsync<TEvent>(AuditTable<TEvent> table, string sql, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        var rows = new List<TEvent>();
        await foreach (var row in ReadAsync(table, sql, parameters, cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    private async IAsyncEnumerable<TEvent> ReadAsync<TEvent>(
        AuditTable<TEvent> table, string sql, DynamicParameters parameters, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await foreach (IDictionary<string, object?> row in connection.QueryUnbufferedAsync(sql, parameters).WithCancellation(cancellationToken))
        {
            yield return table.FromRow(new AuditRow(table.Name, row.ToDictionary(
                c => c.Key,
                c => table.ColumnTypes.TryGetValue(c.Key, out var type) ? FromDbValue(type, c.Value) : c.Value)));
        }
    }
}
