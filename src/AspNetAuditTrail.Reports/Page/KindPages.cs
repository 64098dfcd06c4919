using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Reading;
using AspNetAuditTrail.Reports.Insights;
using AspNetAuditTrail.Reports.Pdf;
using AspNetAuditTrail.Reports.Query;
using Microsoft.AspNetCore.Http;

namespace AspNetAuditTrail.Reports.Page;

/// <summary>
/// The views of one kind of row over a period (<c>days</c>, or <c>from</c> and <c>to</c>; <c>user</c>): sign-ins
/// (<c>GET /logins</c>), security events (<c>GET /security</c>) and processes with their steps, registrations and
/// outcome (<c>GET /processes</c>), newest first, each with its PDF report.
/// </summary>
internal static class KindPages
{
    /// <summary>The most rows a view shows (the newest); the PDF report holds them all.</summary>
    private const int MaxRows = 500;
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static Task<IResult> LoginsAsync(HttpContext context, IAuditReader reader, TimeProvider time) =>
        RenderAsync(context, reader, time, "/logins", "Sign-ins", "logins.pdf", "Sign-in report (PDF)", async (html, reader, scope, cancel) =>
        {
            var rows = await NewestAsync(reader.StreamAsync<LoginAuditEvent>(scope.From, scope.To, scope.Tenant, cancel), r => scope.Includes(r.UserId, r.UserName));
            Table(html, rows.Total, ["Time (UTC)", "Status", "User name", "User id", "IP"], rows.Newest.Select(r => new[]
            {
                (AdminPage.Time(r.OccurredAt), ""), (r.Status.ToString(), r.Status == LoginStatus.Failed ? "s5" : ""), (r.UserName ?? "", ""), (r.UserId ?? "", ""), (r.IpAddress ?? "", ""),
            }));
        });

    public static Task<IResult> SecurityAsync(HttpContext context, IAuditReader reader, TimeProvider time) =>
        RenderAsync(context, reader, time, "/security", "Security events", "security.pdf", "Security report (PDF)", async (html, reader, scope, cancel) =>
        {
            var rows = await NewestAsync(reader.StreamAsync<SecurityAuditEvent>(scope.From, scope.To, scope.Tenant, cancel), r => scope.Includes(r.UserId, r.UserName));
            Table(html, rows.Total, ["Time (UTC)", "Type", "Severity", "User", "IP", "Endpoint", "Details"], rows.Newest.Select(r => new[]
            {
                (AdminPage.Time(r.OccurredAt), ""), (r.EventType.ToString(), ""), (r.Severity.ToString(), r.Severity >= SecuritySeverity.Error ? "s5" : r.Severity == SecuritySeverity.Warning ? "s4" : ""),
                (r.UserName ?? r.UserId ?? "", ""), (r.IpAddress ?? "", ""), (r.Endpoint ?? "", "path"), (r.Details ?? "", "path"),
            }));
        });

    public static Task<IResult> ProcessesAsync(HttpContext context, IAuditReader reader, TimeProvider time) =>
        RenderAsync(context, reader, time, "/processes", "Processes", "processes.pdf", "Process report (PDF)", async (html, reader, scope, cancel) =>
        {
            var query = new AuditQuery { From = scope.From, To = scope.To, UserId = scope.UserId, Tenant = scope.Tenant };
            var rows = await NewestAsync(ProcessesReport.ReadAsync(reader, query, cancel), _ => true);
            var table = new List<(string, string)[]>();
            foreach (var (process, steps, registrations, outcome) in rows.Newest)
            {
                table.Add([(AdminPage.Time(process.OccurredAt), ""), (process.Name, "b"), ("", ""), (process.CreatedBy ?? "", ""), (outcome.Outcome.ToString(), Badge(outcome.Outcome))]);
                foreach (var step in outcome.Steps)
                {
                    var made = steps.Where(s => s.Name == step.Name).SelectMany(s => registrations.GetValueOrDefault(s.Id) ?? []).Select(r => $"{(r.Success ? "✔" : "✘")} {r.Name}: {r.Description}");
                    table.Add([("", ""), ($"{step.Order}. {step.Name}", ""), ($"{step.Succeeded + step.Failed} of {step.ExpectedRegistrations}: {string.Join("; ", made)}", ""), ("", ""), (step.Outcome.ToString(), Badge(step.Outcome))]);
                }
            }

            Table(html, rows.Total, ["Started (UTC)", "Process / step", "Registrations", "By", "Outcome"], table);
        });

    private static async Task<IResult> RenderAsync(
        HttpContext context, IAuditReader reader, TimeProvider time, string path, string title, string report, string reportLabel, Func<StringBuilder, IAuditReader, InsightScope, CancellationToken, Task> body)
    {
        var viewer = context.Features.Get<ReadScope>()?.Tenant is not null;
        reader = ReadScope.Narrow(context, reader);
        var prefix = PageShell.Prefix(context, path);
        var (scope, errors) = InsightQueryParser.Parse(context.Request.Query, time.GetUtcNow());
        var html = PageShell.Begin(context, title, prefix, path);
        OverviewPage.PeriodForm(html, context.Request.Query, tenantField: !viewer);
        if (!OverviewPage.Errors(html, errors))
        {
            return PageShell.End(html, StatusCodes.Status400BadRequest);
        }

        var period = $"?from={Uri.EscapeDataString(scope.From.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(scope.To.ToString("O", CultureInfo.InvariantCulture))}";
        html.Append($"<p>{Html.Encode(scope.Describe())}.</p><div class=\"downloads\">Download: <a id=\"download-report\" href=\"{Html.Encode($"{prefix}/reports/{report}{period}")}\">{reportLabel}</a></div>");
        await body(html, reader, scope, context.RequestAborted);
        return PageShell.End(html);
    }

    /// <summary>The newest <see cref="MaxRows"/> rows of an oldest-first stream, newest first, and how many matched.</summary>
    private static async Task<(List<T> Newest, long Total)> NewestAsync<T>(IAsyncEnumerable<T> rows, Func<T, bool> included)
    {
        var kept = new Queue<T>();
        long total = 0;
        await foreach (var row in rows)
        {
            if (!included(row))
            {
                continue;
            }

            total++;
            kept.Enqueue(row);
            if (kept.Count > MaxRows)
            {
                kept.Dequeue();
            }
        }

        return ([.. kept.Reverse()], total);
    }

    /// <summary>A table of (text, style class) cells; says so when there are no rows, and how many are shown of how many.</summary>
    private static void Table(StringBuilder html, long total, string[] headings, IEnumerable<(string Text, string Class)[]> rows)
    {
        if (total == 0)
        {
            html.Append("<p id=\"empty\">None in this period.</p>");
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<p id=\"count\">{total:N0} in this period{(total > MaxRows ? $", the newest {MaxRows} shown" : "")}.</p>");
        html.Append("<table id=\"rows\"><thead><tr>").AppendJoin("", headings.Select(h => $"<th scope=\"col\">{Html.Encode(h)}</th>")).Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var (text, cssClass) in row)
            {
                html.Append(cssClass == "b" ? $"<td><b>{Html.Encode(text)}</b></td>" : cssClass.Length > 0 ? $"<td class=\"{cssClass}\">{Html.Encode(text)}</td>" : $"<td>{Html.Encode(text)}</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
    }

    private static string Badge(AuditOutcome outcome) => outcome == AuditOutcome.Succeeded ? "verified" : outcome == AuditOutcome.Failed ? "s5" : "s4";
}
