using AspNetAuditTrail.Events;
using AspNetAuditTrail.Reading;
using AspNetAuditTrail.Relational;
using Dapper;

namespace AspNetAuditTrail.Benchmarks.Queries;

/// <summary>One filter of the admin API and page: the first page it asks the store for, and the statement behind it.</summary>
internal sealed record QueryCase(string Name, Func<SqlAuditStore, Task<int>> Page, Func<SqlAuditStore, (string Sql, DynamicParameters Parameters)> Statement)
{
    /// <summary>The filters measured, on a trail spread over the 30 days before <paramref name="now"/>.</summary>
    public static IReadOnlyList<QueryCase> All(DateTimeOffset now)
    {
        var (day, week, middle) = (now.AddDays(-1), now.AddDays(-7), new AuditPosition(now.AddDays(-15), Guid.Empty));
        var tenant = new AuditTenant("tenant-3", null);
        return
        [
            Requests("requests: newest, no filter", new AuditQuery()),
            Requests("requests: a page from the middle (keyset)", new AuditQuery { After = middle }),
            Requests("requests: last 24 hours", new AuditQuery { From = day }),
            Requests("requests: one user", new AuditQuery { UserId = "user-42" }),
            Requests("requests: one user, last 7 days", new AuditQuery { UserId = "user-42", From = week }),
            Requests("requests: a user with no rows", new AuditQuery { UserId = "nobody" }),
            Requests("requests: status 500", new AuditQuery { StatusCode = 500 }),
            Requests("requests: status class 2xx", new AuditQuery { StatusClass = 2 }),
            Requests("requests: status class 5xx", new AuditQuery { StatusClass = 5 }),
            Requests("requests: status class 4xx, last 24 hours", new AuditQuery { StatusClass = 4, From = day }),
            Requests("requests: method DELETE", new AuditQuery { Method = "DELETE" }),
            Requests("requests: method DELETE and status 500", new AuditQuery { Method = "DELETE", StatusCode = 500 }),
            Requests("requests: path /api/orders/*", new AuditQuery { PathPattern = "/api/orders/*" }),
            Requests("requests: one path", new AuditQuery { PathPattern = "/api/products/42" }),
            Requests("requests: path that matches nothing", new AuditQuery { PathPattern = "/nothing/*" }),
            Requests("requests: with a security event", new AuditQuery { Kind = EventKind.Security }),
            Requests("requests: with a sign-in", new AuditQuery { Kind = EventKind.Login }),
            Requests("requests: one tenant", new AuditQuery { Tenant = tenant }),
            Requests("requests: one tenant, status class 4xx", new AuditQuery { Tenant = tenant, StatusClass = 4 }),
            Requests("requests: one tenant, one user", new AuditQuery { Tenant = tenant, UserId = "user-43" }),
            Business("business events: newest, no filter", new BusinessEventQuery()),
            Business("business events: level Error", new BusinessEventQuery { Levels = [AuditLevel.Error] }),
            Business("business events: one service, one category", new BusinessEventQuery { Services = ["svc-2"], Categories = ["cat-7"] }),
            Business("business events: two actions", new BusinessEventQuery { Actions = ["action-7", "action-8"] }),
            Business("business events: one user", new BusinessEventQuery { UserId = "user-42" }),
            Business("business events: one resource", new BusinessEventQuery { ResourceType = "type-3", ResourceId = "res-42" }),
            Business("business events: last 24 hours", new BusinessEventQuery { From = day }),
            Changes("entity changes: newest, no filter", new EntityChangeQuery()),
            Changes("entity changes: one entity", new EntityChangeQuery { EntityType = "Entity2", EntityId = "42" }),
            Changes("entity changes: one user", new EntityChangeQuery { UserId = "user-42" }),
            Changes("entity changes: deletions", new EntityChangeQuery { Action = EntityChangeAction.Deleted }),
            Changes("entity changes: last 24 hours", new EntityChangeQuery { From = day }),
        ];
    }

    private static QueryCase Requests(string name, AuditQuery query) => new(
        name,
        async s => (await s.QueryRequestsAsync(query, CancellationToken.None)).Rows.Count,
        s => s.RequestQuery(query, query.PageSize + 1));

    private static QueryCase Business(string name, BusinessEventQuery query) => new(
        name,
        async s => (await s.QueryBusinessEventsAsync(query, CancellationToken.None)).Rows.Count,
        s => s.BusinessEventQuerySql(query, query.PageSize + 1));

    private static QueryCase Changes(string name, EntityChangeQuery query) => new(
        name,
        async s => (await s.QueryChangesAsync(query, CancellationToken.None)).Rows.Count,
        s => s.EntityChangeQuerySql(query, query.PageSize + 1));
}
