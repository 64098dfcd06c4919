using System.Globalization;
using System.Text.RegularExpressions;
using AspNetAuditTrail.Reading;
using Microsoft.AspNetCore.Http;

namespace AspNetAuditTrail.Reports.Query;

/// <summary>Reads the filters of the query string into an <see cref="AuditQuery"/>; each bad one is named with what is wrong.</summary>
internal static partial class AuditQueryParser
{
    public static (AuditQuery Query, Dictionary<string, string[]> Errors) Parse(IQueryCollection values)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? Get(string name) => values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
        void Fail(string name, string message) => errors[name] = [message];

        DateTimeOffset? Time(string name)
        {
            if (Get(name) is not { } text)
            {
                return null;
            }

            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            {
                return time;
            }

            Fail(name, $"'{name}' must be a date and time, for example 2026-11-24T08:00:00Z.");
            return null;
        }

        var query = new AuditQuery { From = Time("from"), To = Time("to") };
        if (Get("user") is { } user)
        {
            query = user.Length <= 256 ? query with { UserId = user } : Failed("user", "'user' is longer than 256 characters.");
        }

        if (Get("method") is { } method)
        {
            query = Method().IsMatch(method) ? query with { Method = method.ToUpperInvariant() } : Failed("method", "'method' must be an HTTP method such as GET or POST.");
        }

        if (Get("status") is { } status)
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
                Fail("status", "'status' must be a status code (404) or a class (4xx).");
            }
        }

        if (Get("path") is { } path)
        {
            query = path.Length <= 2048 ? query with { PathPattern = path } : Failed("path", "'path' is longer than 2048 characters.");
        }

        if (Get("kind") is { } kind)
        {
            query = Enum.TryParse<EventKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(kind, out _)
                ? query with { Kind = parsed }
                : Failed("kind", "'kind' must be request, login, security or process.");
        }

        if (Get("pageSize") is { } pageSize)
        {
            query = int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= 1000
                ? query with { PageSize = size }
                : Failed("pageSize", "'pageSize' must be a number from 1 to 1000.");
        }

        if (Get("after") is { } after)
        {
            query = AuditPosition.TryParse(after, out var position)
                ? query with { After = position }
                : Failed("after", "'after' is not a continuation token from a previous page.");
        }

        if (query.From is { } from && query.To is { } to && from > to)
        {
            Fail("to", "'to' is before 'from'.");
        }

        return (query, errors);

        AuditQuery Failed(string name, string message)
        {
            Fail(name, message);
            return query;
        }
    }

    [GeneratedRegex("^[A-Za-z]{1,16}$")]
    private static partial Regex Method();

    [GeneratedRegex("^[1-5][0-9]{2}$")]
    private static partial Regex StatusCode();

    [GeneratedRegex("^[1-5][xX]{2}$")]
    private static partial Regex StatusClass();
}
