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
    public Task<AuditPage<RequestAuditEvent>> QueryRequestsAsync(AuditQuery query, CancellationToken cancellationToken) =>
        PageAsync(ReadRequestsAsync(query, CheckedPageSize(query.PageSize) + 1, cancellationToken), query.PageSize);

    /// <inheritdoc />
    public IAsyncEnumerable<RequestAuditEvent> StreamRequestsAsync(AuditQuery query, CancellationToken cancellationToken) =>
        ReadRequestsAsync(query with { After = null }, null, cancellationToken);

    /// <inheritdoc />
    public Task<AuditPage<BusinessAuditEvent>> QueryBusinessEventsAsync(BusinessEventQuery query, CancellationToken cancellationToken) =>
        PageAsync(ReadBusinessEventsAsync(query, CheckedPageSize(query.PageSize) + 1, cancellationToken), query.PageSize);

    /// <inheritdoc />
    public IAsyncEnumerable<BusinessAuditEvent> StreamBusinessEventsAsync(BusinessEventQuery query, CancellationToken cancellationToken) =>
        ReadBusinessEventsAsync(query with { After = null }, null, cancellationToken);

    /// <inheritdoc />
    public Task<AuditPage<EntityChangeAuditEvent>> QueryChangesAsync(EntityChangeQuery query, CancellationToken cancellationToken) =>
        PageAsync(ReadChangesAsync(query, CheckedPageSize(query.PageSize) + 1, cancellationToken), query.PageSize);

    /// <inheritdoc />
    public IAsyncEnumerable<EntityChangeAuditEvent> StreamChangesAsync(EntityChangeQuery query, CancellationToken cancellationToken) =>
        ReadChangesAsync(query with { After = null }, null, cancellationToken);

    /// <inheritdoc />
    public async Task<BusinessAuditEvent?> GetBusinessEventAsync(Guid id, AuditTenant? tenant, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        parameters.Add("id", ToDbValue(AuditColumnType.Id, id));
        var sql = new StringBuilder(BusinessEventByIdSql);
        AddTenant(sql, parameters, tenant);
        var rows = await ToListAsync(AuditTables.BusinessEvent, sql.ToString(), parameters, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public async Task<AuditEventDetails?> GetRequestAsync(Guid id, AuditTenant? tenant, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        parameters.Add("id", ToDbValue(AuditColumnType.Id, id));
        var byId = new StringBuilder($"SELECT * FROM {TableName(AuditTables.Request.Name)} WHERE id = @id");
        AddTenant(byId, parameters, tenant);
        var request = await ToListAsync(AuditTables.Request, byId.ToString(), parameters, cancellationToken);
        if (request.Count == 0)
        {
            return null;
        }

        Task<List<TEvent>> Linked<TEvent>(AuditTable<TEvent> table) =>
            ToListAsync(table, $"SELECT * FROM {TableName(table.Name)} WHERE request_event_id = @id ORDER BY occurred_at, id", parameters, cancellationToken);

        // Eight queries, however many processes and steps: steps and registrations come through their process.
        var processes = await Linked(AuditTables.Process);
        var steps = await ToListAsync(AuditTables.Step, StepsOfRequestSql, parameters, cancellationToken);
        var registrations = await ToListAsync(AuditTables.Registration, RegistrationsOfRequestSql, parameters, cancellationToken);
        return new AuditEventDetails(
            request[0], await Linked(AuditTables.Login), await Linked(AuditTables.Security), processes, steps, registrations, await Linked(AuditTables.BusinessEvent),
            await Linked(AuditTables.EntityChange));
    }

    /// <inheritdoc />
    public IAsyncEnumerable<TEvent> StreamAsync<TEvent>(DateTimeOffset? from, DateTimeOffset? to, AuditTenant? tenant, CancellationToken cancellationToken)
        where TEvent : class, IAuditEvent
    {
        var table = AuditTables.Of<TEvent>();
        var sql = new StringBuilder($"SELECT * FROM {TableName(table.Name)} WHERE 1 = 1");
        var parameters = new DynamicParameters();
        AddTimeRange(sql, parameters, from, to);
        AddTenant(sql, parameters, tenant);
        sql.Append(" ORDER BY occurred_at, id");
        return ReadAsync(table, sql.ToString(), parameters, cancellationToken);
    }

    private IAsyncEnumerable<BusinessAuditEvent> ReadBusinessEventsAsync(BusinessEventQuery query, int? limit, CancellationToken cancellationToken)
    {
        var (sql, parameters) = BusinessEventQuerySql(query, limit);
        return ReadAsync(AuditTables.BusinessEvent, sql, parameters, cancellationToken);
    }

    private IAsyncEnumerable<EntityChangeAuditEvent> ReadChangesAsync(EntityChangeQuery query, int? limit, CancellationToken cancellationToken)
    {
        var (sql, parameters) = EntityChangeQuerySql(query, limit);
        return ReadAsync(AuditTables.EntityChange, sql, parameters, cancellationToken);
    }

    private static int CheckedPageSize(int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        return pageSize;
    }

    /// <summary>A page of at most <paramref name="pageSize"/> rows from one more than that, with the token of the next page when there is one.</summary>
    private static async Task<AuditPage<TEvent>> PageAsync<TEvent>(IAsyncEnumerable<TEvent> rows, int pageSize)
        where TEvent : IAuditEvent
    {
        var list = new List<TEvent>(pageSize + 1);
        await foreach (var row in rows)
        {
            list.Add(row);
        }

        if (list.Count <= pageSize)
        {
            return new AuditPage<TEvent>(list, null);
        }

        list.RemoveAt(list.Count - 1);
        return new AuditPage<TEvent>(list, new AuditPosition(list[^1].OccurredAt, list[^1].Id).ToToken());
    }

    private IAsyncEnumerable<RequestAuditEvent> ReadRequestsAsync(AuditQuery query, int? limit, CancellationToken cancellationToken)
    {
        var (sql, parameters) = RequestQuery(query, limit);
        return ReadAsync(AuditTables.Request, sql, parameters, cancellationToken);
    }

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
        // A reader of its own, not Dapper's unbuffered query: that one cancels the command when it ends, and on
        // PostgreSQL a cancel is a new connection to the server (about 6 ms a page).
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var types = names.Select(n => table.ColumnTypes.TryGetValue(n, out var type) ? type : (AuditColumnType?)null).ToArray();
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new Dictionary<string, object?>(names.Length);
            for (var i = 0; i < names.Length; i++)
            {
                var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                values[names[i]] = types[i] is { } type ? FromDbValue(type, value) : value;
            }

            yield return table.FromRow(new AuditRow(table.Name, values));
        }
    }
}
