using AspNetAuditTrail.Events;
using AspNetAuditTrail.Reading;
using Microsoft.AspNetCore.Http;

namespace AspNetAuditTrail.Reports.Query;

/// <summary>Reads the filters of changes of records (<see cref="EntityChangeQuery"/>): <c>entity</c>, <c>id</c>, <c>user</c>, <c>action</c>, <c>from</c>, <c>to</c>, paging.</summary>
internal static class ChangeQueryParser
{
    /// <summary>The value of <c>kind</c> that selects changes of records in the events API and its exports.</summary>
    public const string Kind = "change";

    private static readonly string[] OtherFilters = ["method", "status", "path", "service", "services", "level", "levels", "category", "categories", "actions", "resource", "resourceId"];

    /// <summary>True when the query string asks for changes of records.</summary>
    public static bool IsChanges(IQueryCollection values) => string.Equals(values["kind"].ToString().Trim(), Kind, StringComparison.OrdinalIgnoreCase);

    public static (EntityChangeQuery Query, Dictionary<string, string[]> Errors) Parse(IQueryCollection values)
    {
        var read = new QueryStringReader(values);
        EntityChangeAction? action = null;
        if (read.Get("action") is { } text)
        {
            if (Enum.TryParse<EntityChangeAction>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, out _))
            {
                action = parsed;
            }
            else
            {
                read.Fail("action", "'action' must be created, updated or deleted.");
            }
        }

        var query = new EntityChangeQuery
        {
            From = read.Time("from"),
            To = read.Time("to"),
            EntityType = read.Text("entity", 256),
            EntityId = read.Text("id", 512),
            UserId = read.Text("user", 256),
            Action = action,
        };
        read.Refuse(Kind, OtherFilters);
        query = query with { PageSize = read.PageSize(query.PageSize), After = read.After() };
        read.CheckRange(query.From, query.To);
        return (query, read.Errors);
    }
}
