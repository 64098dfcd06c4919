using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using AspNetAuditTrail.Reading;
using AspNetAuditTrail.Reports.Insights;
using AspNetAuditTrail.Reports.Query;
using Microsoft.AspNetCore.Http;

namespace AspNetAuditTrail.Reports.Page;

/// <summary>
/// The overview (<c>GET /overview</c>) of a period: key figures and charts of requests by status class over time, the
/// slowest endpoints (p95), failed sign-ins over time, security events, the users and addresses with most failures, and
/// business events by category. A tenant viewer's overview covers their tenant only.
/// </summary>
internal static class OverviewPage
{
    private const int Top = 6;
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static async Task<IResult> RenderAsync(HttpContext context, IAuditReader reader, TimeProvider time)
    {
        var viewer = context.Features.Get<ReadScope>()?.Tenant is not null;
        reader = ReadScope.Narrow(context, reader);
        var prefix = PageShell.Prefix(context, "/overview");
        var (scope, errors) = InsightQueryParser.Parse(context.Request.Query, time.GetUtcNow());
        var html = PageShell.Begin(context, "Audit trail overview", prefix, "/overview");
        PeriodForm(html, context.Request.Query, tenantField: !viewer);
        if (!Errors(html, errors))
        {
            return PageShell.End(html, StatusCodes.Status400BadRequest);
        }

        var statistics = await TrailStatistics.ComputeAsync(reader, scope, context.RequestAborted);
        html.Append($"<p>{Html.Encode(scope.Describe())}.</p><div class=\"figures\" id=\"figures\">");
        Figure(html, "figure-requests", "Requests", statistics.Requests.ToString("N0", CultureInfo.InvariantCulture));
        Figure(html, "figure-error-rate", "Error rate (5xx)", (100 * statistics.ErrorRate).ToString("0.0", CultureInfo.InvariantCulture) + " %");
        Figure(html, "figure-client-errors", "4xx answers", statistics.ClientErrors.ToString("N0", CultureInfo.InvariantCulture));
        Figure(html, "figure-failed-sign-ins", "Failed sign-ins", statistics.FailedSignIns.ToString("N0", CultureInfo.InvariantCulture));
        Figure(html, "figure-sign-in-success", "Sign-in success",
            statistics.SignInSuccessRate is { } rate ? (100 * rate).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "no sign-ins");
        html.Append("</div><div class=\"grid\">");
        SvgChart.Columns(html, "chart-requests", "Requests by status class", statistics.Buckets, statistics.RequestsOverTime);
        SvgChart.Bars(html, "chart-slowest", "Slowest endpoints (p95, ms)", [.. statistics.SlowestEndpoints.Take(Top).Select(e => (e.Endpoint, e.P95Ms))], "0.0", "c3");
        SvgChart.Columns(html, "chart-failed-sign-ins", "Failed sign-ins", statistics.Buckets, [new ChartSeries("Failed sign-ins", "c5", statistics.FailedSignInsOverTime)]);
        SvgChart.Bars(html, "chart-security", "Security events by type and severity", Counts(statistics.SecurityEvents), "0", "c6");
        SvgChart.Bars(html, "chart-failing-users", "Users with most failures", Counts(statistics.UsersWithMostFailures), "0", "c4");
        SvgChart.Bars(html, "chart-failing-addresses", "Addresses with most failures", Counts(statistics.AddressesWithMostFailures), "0", "c4");
        SvgChart.Bars(html, "chart-business", "Business events by category", Counts(statistics.BusinessEventsByCategory), "0", "c2");
        html.Append("</div>");
        return PageShell.End(html);
    }

    /// <summary>The period form shared by the overview and the suspicious-activity view.</summary>
    internal static void PeriodForm(StringBuilder html, IQueryCollection values, bool tenantField)
    {
        html.Append("<form method=\"get\" id=\"period\">");
        foreach (var (name, label) in new[] { ("days", "Last days"), ("from", "From (UTC)"), ("to", "To (UTC)"), ("user", "User") }
            .Concat(tenantField ? [("tenant", "Tenant (acme or acme/client)")] : []))
        {
            html.Append($"<label>{label}<input type=\"text\" name=\"{name}\" id=\"period-{name}\" value=\"{Html.Encode(values[name].ToString())}\"></label>");
        }

        html.Append("<button type=\"submit\" id=\"show\">Show</button></form>");
    }

    /// <summary>Writes the errors; false when there are any.</summary>
    internal static bool Errors(StringBuilder html, Dictionary<string, string[]> errors)
    {
        if (errors.Count == 0)
        {
            return true;
        }

        html.Append("<ul class=\"errors\" id=\"errors\">");
        foreach (var message in errors.Values.SelectMany(m => m))
        {
            html.Append($"<li>{Html.Encode(message)}</li>");
        }

        html.Append("</ul>");
        return false;
    }

    private static void Figure(StringBuilder html, string id, string label, string value) =>
        html.Append($"<div id=\"{id}\"><b>{Html.Encode(value)}</b>{Html.Encode(label)}</div>");

    private static (string, double)[] Counts(IReadOnlyList<(string Key, long Count)> counts) => [.. counts.Take(Top).Select(c => (c.Key, (double)c.Count))];
}
