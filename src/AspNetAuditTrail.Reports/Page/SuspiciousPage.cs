using System.Globalization;
using System.Text.Encodings.Web;
using AspNetAuditTrail.Reading;
using AspNetAuditTrail.Reports.Insights;
using AspNetAuditTrail.Reports.Query;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Reports.Page;

/// <summary>
/// The suspicious-activity view (<c>GET /suspicious</c>): what the rules of <see cref="SuspiciousActivityOptions"/>
/// find in a period, most severe first, each incident with who, from where, how many rows and when.
/// </summary>
internal static class SuspiciousPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static async Task<IResult> RenderAsync(HttpContext context, IAuditReader reader, TimeProvider time, IOptions<SuspiciousActivityOptions> options)
    {
        var viewer = context.Features.Get<ReadScope>()?.Tenant is not null;
        reader = ReadScope.Narrow(context, reader);
        var prefix = PageShell.Prefix(context, "/suspicious");
        var (scope, errors) = InsightQueryParser.Parse(context.Request.Query, time.GetUtcNow());
        var html = PageShell.Begin(context, "Suspicious activity", prefix, "/suspicious");
        OverviewPage.PeriodForm(html, context.Request.Query, tenantField: !viewer);
        if (!OverviewPage.Errors(html, errors))
        {
            return PageShell.End(html, StatusCodes.Status400BadRequest);
        }

        var findings = await SuspiciousActivity.DetectAsync(reader, scope, options.Value, context.RequestAborted);
        var period = context.Request.QueryString.Value ?? "";
        html.Append($"<p>{Html.Encode(scope.Describe())}: {findings.Count} incident{(findings.Count == 1 ? "" : "s")}.</p>")
            .Append($"<div class=\"downloads\">Download: <a id=\"download-suspicious\" href=\"{Html.Encode($"{prefix}/reports/suspicious.pdf{period}")}\">Suspicious-activity report (PDF)</a></div>");
        html.Append("<div class=\"grid\">");
        SvgChart.Bars(html, "chart-suspicious", "Incidents by kind",
            [.. findings.GroupBy(f => f.Kind).OrderByDescending(g => g.Count()).Select(g => (Label(g.Key), (double)g.Count()))], "0", "c5");
        html.Append("</div>");
        if (findings.Count == 0)
        {
            html.Append("<p id=\"empty\">Nothing suspicious in this period.</p>");
            return PageShell.End(html);
        }

        html.Append("<table id=\"findings\"><thead><tr><th scope=\"col\">Severity</th><th scope=\"col\">What</th><th scope=\"col\">User</th><th scope=\"col\">Address</th>")
            .Append("<th scope=\"col\">Rows</th><th scope=\"col\">First (UTC)</th><th scope=\"col\">Last (UTC)</th><th scope=\"col\">Details</th></tr></thead><tbody>");
        foreach (var finding in findings)
        {
            var user = finding.User is { } u ? $"<a href=\"{Html.Encode($"{prefix}/?user={Uri.EscapeDataString(u)}")}\">{Html.Encode(u)}</a>" : "";
            html.Append($"<tr data-kind=\"{finding.Kind}\"><td class=\"{(finding.Severity >= AspNetAuditTrail.Events.SecuritySeverity.Error ? "s5" : "s4")}\">{finding.Severity}</td>")
                .Append($"<td>{Label(finding.Kind)}</td><td>{user}</td><td>{Html.Encode(finding.IpAddress ?? "")}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{finding.Count}</td><td>{AdminPage.Time(finding.First)}</td><td>{AdminPage.Time(finding.Last)}</td>")
                .Append($"<td>{Html.Encode(finding.Description)}</td></tr>");
        }

        html.Append("</tbody></table>");
        return PageShell.End(html);
    }

    /// <summary>The kind in words.</summary>
    internal static string Label(SuspiciousKind kind) => kind switch
    {
        SuspiciousKind.BruteForceUser => "Brute force on a user",
        SuspiciousKind.BruteForceAddress => "Brute force from an address",
        SuspiciousKind.CrossTenant => "Cross-tenant attempt",
        SuspiciousKind.ManyForbidden => "Many 403s",
        SuspiciousKind.UnusualVolume => "Unusual volume",
        _ => "Administration outside working hours",
    };
}
