using System.Globalization;
using System.Text.RegularExpressions;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Reading;
using Microsoft.AspNetCore.Http;

namespace AspNetAuditTrail.Reports.Query;

/// <summary>
/// Reads the filters of the query string: of requests (<see cref="AuditQuery"/>), or of business events
/// (<see cref="BusinessEventQuery"/>) with <c>kind=event</c>. Each bad filter is named with what is wrong.
/// </summary>
internal static partial class AuditQueryParser
{
    /// <summary>The value of <c>kind</c> that selects business events rather than requests.</summary>
    public const string BusinessEventKind = "event";

    private static readonly string[] RequestFilters = ["method", "status", "path"];

    private static readonly string[] BusinessEventFilters =
        ["service", "services", "level", "levels", "category", "categories", "action", "actions", "resource", "resourceId"];

    /// <summary>True when the query string asks for business events.</summary>
    public static bool IsBusinessEvents(IQueryCollection values) =>
        string.Equals(values["kind"].ToString().Trim(), BusinessEventKind, StringComparison.OrdinalIgnoreCase);

    /// <summary>Only the period (<c>from</c>, <c>to</c>) of a query string, read and checked as <see cref="Parse"/> reads them; the other keys ignored.</summary>
    public static (DateTimeOffset? From, DateTimeOffset? To, Dictionary<string, string[]> Errors) ParseTimeRange(IQueryCollection values)
    {
        var (query, errors) = Parse(new QueryCollection(values.Where(q => q.Key is "from" or "to").ToDictionary(q => q.Key, q => q.Value)));
        return (query.From, query.To, errors);
    }

    public static (AuditQuery Query, Dictionary<string, string[]> Errors) Parse(IQueryCollection values)
    {
        var read = new QueryStringReader(values);
        var query = new AuditQuery { From = read.Time("from"), To = read.Time("to"), UserId = read.Text("user", 256) };
        if (read.Get("method") is { } method)
        {
            query = Method().IsMatch(method) ? query with { Method = method.ToUpperInvariant() } : Failed("method", "'method' must be an HTTP method such as GET or POST.");
        }

        if (read.Get("status") is { } status)
        {
            if (StatusCode().IsMatch(status))
            {
                query = query with { StatusCode = int.Parse(status, CultureInfo.InvariantCulture) };
            }
            else if (StatusClass().IsMatch(status))
            {
                query = query with { StatusClass = status[0] - '0' };
            }
            else
            {
                read.Fail("status", "'status' must be a status code (404) or a class (4xx).");
            }
        }

        query = query with { PathPattern = read.Text("path", 2048) };
        if (read.Get("kind") is { } kind)
        {
            query = Enum.TryParse<EventKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(kind, out _)
                ? query with { Kind = parsed }
                : Failed("kind", "'kind' must be request, login, security or process.");
        }

        read.Refuse(query.Kind.ToString().ToLowerInvariant(), BusinessEventFilters);
        query = query with { PageSize = read.PageSize(query.PageSize), After = read.After() };
        read.CheckRange(query.From, query.To);
        return (query, read.Errors);

        AuditQuery Failed(string name, string message)
        {
            read.Fail(name, message);
            return query;
        }
    }

    /// <summary>The filters of <c>kind=event</c>: service, level, category and action take several values (and answer to their plurals too).</summary>
    public static (BusinessEventQuery Query, Dictionary<string, string[]> Errors) ParseBusinessEvents(IQueryCollection values)
    {
        var read = new QueryStringReader(values);
        var levels = new List<AuditLevel>();
        foreach (var level in read.List("level", 16).Concat(read.List("levels", 16)))
        {
            if (Enum.TryParse<AuditLevel>(level, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(level, out _))
            {
                levels.Add(parsed);
            }
            else
            {
                read.Fail("level", "'level' must be info, warning, error or critical.");
            }
        }

        var query = new BusinessEventQuery
        {
            From = read.Time("from"),
            To = read.Time("to"),
            Services = [.. read.List("service", 128), .. read.List("services", 128)],
            Levels = levels,
            Categories = [.. read.List("category", 64), .. read.List("categories", 64)],
            Actions = [.. read.List("action", 128), .. read.List("actions", 128)],
            UserId = read.Text("user", 256),
            ResourceType = read.Text("resource", 128),
            ResourceId = read.Text("resourceId", 256),
        };
        read.Refuse(BusinessEventKind, RequestFilters);
        query = query with { PageSize = read.PageSize(query.PageSize), After = read.After() };
        read.CheckRange(query.From, query.To);
        return (query, read.Errors);
    }

    [GeneratedRegex("^[A-Za-z]{1,16}$")]
    private static partial Regex Method();

    [GeneratedRegex("^[1-5][0-9]{2}$")]
    private static partial Regex StatusCode();

    [GeneratedRegex("^[1-5][xX]{2}$")]
    private static partial Regex StatusClass();
}
