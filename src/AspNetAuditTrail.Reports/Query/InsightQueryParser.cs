using System.Globalization;
using AspNetAuditTrail.Reports.Insights;
using Microsoft.AspNetCore.Http;

namespace AspNetAuditTrail.Reports.Query;

/// <summary>
/// Reads the period of an overview or report: <c>days</c> (1 to 366, the last days up to now; default 7) or
/// <c>from</c> and <c>to</c>; and optionally <c>user</c> and <c>tenant</c> (<c>acme</c> or <c>acme/client-7</c>).
/// </summary>
internal static class InsightQueryParser
{
    public const int DefaultDays = 7;

    public static (InsightScope Scope, Dictionary<string, string[]> Errors) Parse(IQueryCollection values, DateTimeOffset now)
    {
        var read = new QueryStringReader(values);
        var (from, to) = (read.Time("from"), read.Time("to"));
        var days = DefaultDays;
        if (read.Get("days") is { } text)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out days) || days is < 1 or > 366)
            {
                read.Fail("days", "'days' must be a number of days from 1 to 366.");
                days = DefaultDays;
            }
            else if (from is not null)
            {
                read.Fail("days", "Give either 'days' or 'from', not both.");
            }
        }

        var end = to ?? now;
        var start = from ?? end.AddDays(-days);
        read.CheckRange(start, end);
        if (end - start > InsightScope.MaxLength)
        {
            read.Fail("from", "The period is longer than 366 days.");
        }

        var tenant = read.Text("tenant", 256) is { } t
            ? new AuditTenant(t.Split('/', 2)[0], t.Contains('/', StringComparison.Ordinal) ? t.Split('/', 2)[1] : null)
            : null;
        return (new InsightScope(start, end, read.Text("user", 256), tenant), read.Errors);
    }
}
