using System.Globalization;
using System.Text;
using AspNetAuditTrail.Reading;
using Dapper;

namespace AspNetAuditTrail.Relational;

/// <summary>The reading statements of <see cref="SqlAuditStore"/>: every filter a parameter, every page a keyset.</summary>
public abstract partial class SqlAuditStore
{
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

        return NewestFirst(sql, parameters, query.After, "r.", limit);
    }

    /// <summary>The statement and parameters of a business-event query.</summary>
    internal (string Sql, DynamicParameters Parameters) BusinessEventQuerySql(BusinessEventQuery query, int? limit)
    {
        var sql = new StringBuilder($"SELECT * FROM {TableName(AuditTables.BusinessEvent.Name)} e WHERE 1 = 1");
        var parameters = new DynamicParameters();
        AddTimeRange(sql, parameters, query.From, query.To, "e.");
        AddTenant(sql, parameters, query.Tenant, "e.");
        AddIn(sql, parameters, "e.service_name", "service", query.Services);
        AddIn(sql, parameters, "e.level", "level", query.Levels.Select(l => l.ToString()).ToArray());
        AddIn(sql, parameters, "e.category", "category", query.Categories);
        AddIn(sql, parameters, "e.action", "action", query.Actions);
        AddEquals(sql, parameters, "e.user_id", "userId", query.UserId);
        AddEquals(sql, parameters, "e.resource_type", "resourceType", query.ResourceType);
        AddEquals(sql, parameters, "e.resource_id", "resourceId", query.ResourceId);
        return NewestFirst(sql, parameters, query.After, "e.", limit);
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

    private static void AddIn(StringBuilder sql, DynamicParameters parameters, string column, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        var names = values.Select((_, i) => $"@{name}{i.ToString(CultureInfo.InvariantCulture)}").ToArray();
        sql.Append($" AND {column} IN ({string.Join(", ", names)})");
        for (var i = 0; i < values.Count; i++)
        {
            parameters.Add(names[i][1..], values[i]);
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

    /// <summary>Continues after the previous page's last row, orders newest first and limits the rows.</summary>
    private (string Sql, DynamicParameters Parameters) NewestFirst(StringBuilder sql, DynamicParameters parameters, AuditPosition? after, string alias, int? limit)
    {
        if (after is not null)
        {
            sql.Append($" AND ({alias}occurred_at < @afterTime OR ({alias}occurred_at = @afterTime AND {alias}id < @afterId))");
            parameters.Add("afterTime", ToDbValue(AuditColumnType.Timestamp, after.OccurredAt));
            parameters.Add("afterId", ToDbValue(AuditColumnType.Id, after.Id));
        }

        sql.Append($" ORDER BY {alias}occurred_at DESC, {alias}id DESC");
        return (limit is { } rows ? Limit(sql.ToString(), rows) : sql.ToString(), parameters);
    }
}
