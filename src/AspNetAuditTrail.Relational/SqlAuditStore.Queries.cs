using System.Globalization;
using System.Text;
using AspNetAuditTrail.Reading;
using Dapper;

namespace AspNetAuditTrail.Relational;

/// <summary>The reading statements of <see cref="SqlAuditStore"/>: every filter a parameter, every page a keyset.</summary>
public abstract partial class SqlAuditStore
{
    /// <summary>
    /// The condition that the status code in <paramref name="column"/> is of a class: from <c>@statusFrom</c> up to
    /// <c>@statusTo</c>. A dialect whose planner cannot tell a common class from a rare one can keep the status index
    /// out of it, so that a page is read newest first instead of every row of the class being sorted.
    /// </summary>
    protected virtual string StatusClassCondition(string column) => $"{column} >= @statusFrom AND {column} < @statusTo";

    /// <summary>The statement and parameters of a request query.</summary>
    internal (string Sql, DynamicParameters Parameters) RequestQuery(AuditQuery query, int? limit)
    {
        var sql = new StringBuilder($"SELECT * FROM {TableName(AuditTables.Request.Name)} r WHERE 1 = 1");
        var parameters = new DynamicParameters();
        AddTimeRange(sql, parameters, query.From, query.To, "r.");
        AddTenant(sql, parameters, query.Tenant, "r.");
        AddEquals(sql, parameters, "r.user_id", "userId", query.UserId);
        AddEquals(sql, parameters, "r.method", "method", query.Method);
        AddEquals(sql, parameters, "r.status_code", "status", query.StatusCode);
        if (query.StatusClass is { } statusClass)
        {
            sql.Append($" AND {StatusClassCondition("r.status_code")}");
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

        return NewestFirst(sql, parameters, query.After, "r.", limit);
    }

    /// <summary>The statement and parameters of a business-event query.</summary>
    internal (string Sql, DynamicParameters Parameters) BusinessEventQuerySql(BusinessEventQuery query, int? limit)
    {
        var sql = new StringBuilder($"SELECT * FROM {TableName(AuditTables.BusinessEvent.Name)} e WHERE 1 = 1");
        var parameters = new DynamicParameters();
        AddTimeRange(sql, parameters, query.From, query.To, "e.");
        AddTenant(sql, parameters, query.Tenant, "e.");
        OneOf[] lists =
        [
            new("e.action", "action", query.Actions), new("e.category", "category", query.Categories),
            new("e.service_name", "service", query.Services), new("e.level", "level", [.. query.Levels.Select(l => l.ToString())]),
        ];
        var split = limit is null ? null : lists.FirstOrDefault(l => l.Values.Count > 1);
        foreach (var list in lists.Where(l => l != split))
        {
            AddIn(sql, parameters, list);
        }

        AddEquals(sql, parameters, "e.user_id", "userId", query.UserId);
        AddEquals(sql, parameters, "e.resource_type", "resourceType", query.ResourceType);
        AddEquals(sql, parameters, "e.resource_id", "resourceId", query.ResourceId);
        return NewestFirst(sql, parameters, query.After, "e.", limit, split);
    }

    internal (string Sql, DynamicParameters Parameters) EntityChangeQuerySql(EntityChangeQuery query, int? limit)
    {
        var sql = new StringBuilder($"SELECT * FROM {TableName(AuditTables.EntityChange.Name)} e WHERE 1 = 1");
        var parameters = new DynamicParameters();
        AddTimeRange(sql, parameters, query.From, query.To, "e.");
        AddTenant(sql, parameters, query.Tenant, "e.");
        AddEquals(sql, parameters, "e.entity_type", "entityType", query.EntityType);
        AddEquals(sql, parameters, "e.entity_id", "entityId", query.EntityId);
        AddEquals(sql, parameters, "e.user_id", "userId", query.UserId);
        AddEquals(sql, parameters, "e.action", "action", query.Action?.ToString());
        return NewestFirst(sql, parameters, query.After, "e.", limit);
    }

    private string BusinessEventByIdSql => $"SELECT * FROM {TableName(AuditTables.BusinessEvent.Name)} WHERE id = @id";

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
        var after = new AuditPosition(DateTimeOffset.UnixEpoch, Guid.Empty);
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
            After = after,
            Tenant = new AuditTenant("t", "s"),
        };
        yield return RequestQuery(everything, 101).Sql;
        yield return RequestQuery(everything with { Kind = EventKind.Process }, null).Sql;
        yield return BusinessEventQuerySql(
            new BusinessEventQuery
            {
                From = DateTimeOffset.UnixEpoch, To = DateTimeOffset.UnixEpoch, Services = ["a", "b"], Levels = [Events.AuditLevel.Error],
                Categories = ["c"], Actions = ["x", "y"], UserId = "u", ResourceType = "t", ResourceId = "1", After = after, Tenant = new AuditTenant("t", "s"),
            },
            101).Sql;
        yield return EntityChangeQuerySql(
            new EntityChangeQuery
            {
                From = DateTimeOffset.UnixEpoch, To = DateTimeOffset.UnixEpoch, EntityType = "Product", EntityId = "1", UserId = "u", Action = Events.EntityChangeAction.Updated,
                After = after, Tenant = new AuditTenant("t", "s"),
            },
            101).Sql;
        yield return $"SELECT * FROM {TableName(AuditTables.Request.Name)} WHERE id = @id";
        yield return BusinessEventByIdSql;
        yield return StepsOfRequestSql;
        yield return RegistrationsOfRequestSql;
        yield return $"SELECT * FROM {TableName(AuditTables.Login.Name)} WHERE 1 = 1 AND occurred_at >= @from AND occurred_at < @to ORDER BY occurred_at, id";
    }

    /// <summary>A LIKE pattern where only <c>*</c> is a wildcard: <c>%</c>, <c>_</c> and <c>\</c> match themselves.</summary>
    internal static string LikePattern(string pattern) =>
        pattern.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal)
            .Replace("*", "%", StringComparison.Ordinal);

    private static void AddEquals(StringBuilder sql, DynamicParameters parameters, string column, string name, object? value)
    {
        if (value is not null)
        {
            sql.Append($" AND {column} = @{name}");
            parameters.Add(name, value);
        }
    }

    private static void AddIn(StringBuilder sql, DynamicParameters parameters, OneOf list)
    {
        if (list.Values.Count == 0)
        {
            return;
        }

        var names = list.Values.Select((_, i) => $"@{list.Name}{i.ToString(CultureInfo.InvariantCulture)}").ToArray();
        sql.Append($" AND {list.Column} IN ({string.Join(", ", names)})");
        for (var i = 0; i < list.Values.Count; i++)
        {
            parameters.Add(names[i][1..], list.Values[i]);
        }
    }

    /// <summary>Only the tenant's rows, and only its second level's when the scope names one.</summary>
    private static void AddTenant(StringBuilder sql, DynamicParameters parameters, AuditTenant? tenant, string alias = "")
    {
        if (tenant is null)
        {
            return;
        }

        AddEquals(sql, parameters, $"{alias}tenant_id", "tenantId", tenant.TenantId);
        AddEquals(sql, parameters, $"{alias}subtenant_id", "subtenantId", tenant.SubtenantId);
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

    /// <summary>
    /// Continues after the previous page's last row, orders newest first and limits the rows. A page whose rows must have
    /// one of several values (<paramref name="oneOf"/>) is the newest rows of each value, merged: an index on the value
    /// and time gives each value's rows newest first, where one read of them all would have to sort every match.
    /// </summary>
    private (string Sql, DynamicParameters Parameters) NewestFirst(
        StringBuilder sql, DynamicParameters parameters, AuditPosition? after, string alias, int? limit, OneOf? oneOf = null)
    {
        if (after is not null)
        {
            // The first term alone bounds an index on time; the second says which rows at that time come after.
            sql.Append($" AND {alias}occurred_at <= @afterTime AND ({alias}occurred_at < @afterTime OR ({alias}occurred_at = @afterTime AND {alias}id < @afterId))");
            parameters.Add("afterTime", ToDbValue(AuditColumnType.Timestamp, after.OccurredAt));
            parameters.Add("afterId", ToDbValue(AuditColumnType.Id, after.Id));
        }

        var order = $" ORDER BY {alias}occurred_at DESC, {alias}id DESC";
        if (oneOf is not { Values.Count: > 1 } split || limit is not { } rows)
        {
            if (oneOf is not null)
            {
                AddIn(sql, parameters, oneOf);
            }

            sql.Append(order);
            return (limit is { } page ? Limit(sql.ToString(), page) : sql.ToString(), parameters);
        }

        var filtered = sql.ToString();
        var branches = split.Values.Select((value, i) =>
        {
            var name = split.Name + i.ToString(CultureInfo.InvariantCulture);
            parameters.Add(name, value);
            return $"SELECT * FROM ({Limit($"{filtered} AND {split.Column} = @{name}{order}", rows)}) b{i.ToString(CultureInfo.InvariantCulture)}";
        });
        return (Limit($"SELECT * FROM ({string.Join(" UNION ALL ", branches)}) u ORDER BY u.occurred_at DESC, u.id DESC", rows), parameters);
    }

    /// <summary>A filter that a row's column hold one of the values.</summary>
    private sealed record OneOf(string Column, string Name, IReadOnlyList<object> Values);
}
