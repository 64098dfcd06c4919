using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Reading;
using AspNetAuditTrail.Reports.Query;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AspNetAuditTrail.Reports.Page;

/// <summary>
/// The admin page: server-rendered HTML, no script and no build step. A filter form, the newest matching requests
/// (a page at a time) and a download link for each export and report, carrying the same filters.
/// </summary>
internal static class AdminPage
{
    private const int PageSize = 50;

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    private static readonly (string Name, string Label, string Type)[] Filters =
    [
        ("from", "From (UTC)", "text"), ("to", "To (UTC)", "text"), ("user", "User id", "text"),
        ("method", "Method", "text"), ("status", "Status (404 or 4xx)", "text"), ("path", "Path (* = any)", "text"),
        ("service", "Service (events)", "text"), ("category", "Category (events)", "text"), ("action", "Action (events)", "text"),
        ("resource", "Resource type (events)", "text"), ("level", "Level (events)", "text"),
        ("entity", "Record type (changes)", "text"), ("id", "Record id (changes)", "text"),
    ];

    /// <summary>Whether the last day's rows verify (admins only: it covers every tenant), with a link to the full answer.</summary>
    private static async Task IntegritySummaryAsync(HttpContext context, StringBuilder html, string prefix)
    {
        var since = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-1);
        var verification = await Integrity.TrailVerification.RunAsync(context, new AspNetAuditTrail.Integrity.AuditVerifyScope(since));
        if (verification is null)
        {
            return;
        }

        var (text, verified) = Integrity.TrailVerification.Summary(verification);
        html.Append($"""<p id="integrity" class="{(verified ? "verified" : "broken")}">{Html.Encode(text)} Last 24 hours; <a href="{Html.Encode(prefix)}/verify">details</a>.</p>""");
    }

    public static async Task<IResult> RenderAsync(HttpContext context, IAuditReader reader)
    {
        reader = ReadScope.Narrow(context, reader);
        var prefix = context.Request.PathBase + context.Request.Path.Value!.TrimEnd('/');
        var values = context.Request.Query;
        var changes = ChangeQueryParser.IsChanges(values);
        var businessEvents = AuditQueryParser.IsBusinessEvents(values);
        AuditPage<RequestAuditEvent>? page = null;
        AuditPage<BusinessAuditEvent>? eventPage = null;
        AuditPage<EntityChangeAuditEvent>? changePage = null;
        EntityChangeQuery? changeQuery = null;
        Dictionary<string, string[]> errors;
        if (changes)
        {
            (changeQuery, errors) = ChangeQueryParser.Parse(values);
            changePage = errors.Count == 0 ? await reader.QueryChangesAsync(changeQuery with { PageSize = PageSize }, context.RequestAborted) : null;
        }
        else if (businessEvents)
        {
            (var eventQuery, errors) = AuditQueryParser.ParseBusinessEvents(values);
            eventPage = errors.Count == 0
                ? await reader.QueryBusinessEventsAsync(eventQuery with { PageSize = PageSize }, context.RequestAborted)
                : null;
        }
        else
        {
            (var query, errors) = AuditQueryParser.Parse(values);
            page = errors.Count == 0 ? await reader.QueryRequestsAsync(query with { PageSize = PageSize }, context.RequestAborted) : null;
        }

        var current = changes ? "/?kind=change" : businessEvents ? "/?kind=event" : "/";
        var html = PageShell.Begin(context, "Audit trail", prefix, current);
        html.Append($"<p>Signed in as {Html.Encode(context.User.Identity?.Name ?? "(unnamed)")}.</p>");
        if (context.Features.Get<ReadScope>()?.Tenant is null)
        {
            await IntegritySummaryAsync(context, html, prefix);
        }

        html.Append("<form method=\"get\" id=\"filters\">");
        foreach (var (name, label, type) in Filters)
        {
            html.Append($"<label>{label}<input type=\"{type}\" name=\"{name}\" id=\"filter-{name}\" value=\"{Html.Encode(values[name].ToString())}\"></label>");
        }

        html.Append("<label>Kind<select name=\"kind\" id=\"filter-kind\">");
        foreach (var kind in Enum.GetNames<EventKind>().Append(AuditQueryParser.BusinessEventKind).Append(ChangeQueryParser.Kind))
        {
            var selected = string.Equals(values["kind"], kind, StringComparison.OrdinalIgnoreCase) ? " selected" : "";
            var label = kind switch { AuditQueryParser.BusinessEventKind => "Business event", ChangeQueryParser.Kind => "Change of a record", _ => kind };
            html.Append($"<option value=\"{kind.ToLowerInvariant()}\"{selected}>{label}</option>");
        }

        html.Append("</select></label><button type=\"submit\" id=\"apply\">Filter</button></form>");

        var filterQuery = QueryString(values, exclude: "after");
        html.Append("<div class=\"downloads\">Download: ");
        foreach (var (href, id, label) in new[]
        {
            ($"{prefix}/events.csv{filterQuery}", "download-csv", "Events (CSV)"),
            ($"{prefix}/events.json{filterQuery}", "download-json", "Events (JSON)"),
            (businessEvents || changes ? null : $"{prefix}/reports/requests.pdf{filterQuery}", "download-requests", "Requests report (PDF)"),
            ($"{prefix}/reports/logins.pdf{QueryString(values, only: ["from", "to"])}", "download-logins", "Sign-in report (PDF)"),
            ($"{prefix}/reports/processes.pdf{QueryString(values, only: ["from", "to"])}", "download-processes", "Process report (PDF)"),
        })
        {
            if (href is not null)
            {
                html.Append($"<a id=\"{id}\" href=\"{Html.Encode(href)}\">{label}</a>");
            }
        }

        html.Append("</div>");

        if (errors.Count > 0)
        {
            html.Append("<ul class=\"errors\" id=\"errors\">");
            foreach (var message in errors.Values.SelectMany(m => m))
            {
                html.Append($"<li>{Html.Encode(message)}</li>");
            }

            html.Append("</ul>");
        }
        else
        {
            var (count, token) = changes ? ChangeTable.Render(html, prefix, changeQuery!, changePage!)
                : businessEvents ? BusinessEventTable(html, eventPage!) : RequestTable(html, prefix, page!);
            if (count == 0)
            {
                html.Append($"<p id=\"empty\">No {(changes ? "change of a record" : businessEvents ? "business event" : "audited request")} matches these filters.</p>");
            }

            if (token is { } next)
            {
                var nextQuery = QueryString(values, exclude: "after") is { Length: > 0 } q ? q + "&" : "?";
                html.Append($"<p><a id=\"next\" href=\"{Html.Encode($"{prefix}{nextQuery}after={next}")}\">Older events</a></p>");
            }
        }

        return PageShell.End(html, errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static (int Count, string? Token) RequestTable(StringBuilder html, string prefix, AuditPage<RequestAuditEvent> page)
    {
        html.Append("<table id=\"events\"><thead><tr><th>Time (UTC)</th><th>Method</th><th>Path</th><th>Status</th><th>ms</th><th>User</th><th>IP</th><th>Error</th></tr></thead><tbody>");
        foreach (var row in page.Rows)
        {
            html.Append("<tr>")
                .Append($"<td><a href=\"{Html.Encode($"{prefix}/events/{row.Id}")}\">{Time(row.OccurredAt)}</a></td>")
                .Append($"<td>{Html.Encode(row.Method)}</td>")
                .Append($"<td class=\"path\">{Html.Encode(row.Path)}</td>")
                .Append($"<td class=\"s{row.StatusCode / 100}\">{row.StatusCode}</td>")
                .Append($"<td>{row.DurationMs.ToString("0.0", CultureInfo.InvariantCulture)}</td>")
                .Append($"<td>{Html.Encode(row.UserId ?? "")}</td>")
                .Append($"<td>{Html.Encode(row.IpAddress ?? "")}</td>")
                .Append($"<td>{Html.Encode(row.ErrorType ?? "")}</td>")
                .Append("</tr>");
        }

        html.Append("</tbody></table>");
        return (page.Rows.Count, page.ContinuationToken);
    }

    private static (int Count, string? Token) BusinessEventTable(StringBuilder html, AuditPage<BusinessAuditEvent> page)
    {
        html.Append("<table id=\"events\"><thead><tr><th>Time (UTC)</th><th>Service</th><th>Level</th><th>Category</th><th>Action</th><th>Message</th><th>Resource</th><th>User</th><th>Outcome</th></tr></thead><tbody>");
        foreach (var row in page.Rows)
        {
            var failed = row.Outcome == AuditEventOutcome.Failure;
            html.Append("<tr>")
                .Append($"<td>{Time(row.OccurredAt)}</td>")
                .Append($"<td>{Html.Encode(row.ServiceName ?? "")}</td>")
                .Append($"<td>{row.Level}</td>")
                .Append($"<td>{Html.Encode(row.Category)}</td>")
                .Append($"<td>{Html.Encode(row.Action)}</td>")
                .Append($"<td>{Html.Encode(row.Message ?? "")}</td>")
                .Append($"<td>{Html.Encode(row.ResourceType is null ? "" : $"{row.ResourceType} {row.ResourceId}")}</td>")
                .Append($"<td>{Html.Encode(row.UserId ?? "")}</td>")
                .Append($"<td class=\"{(failed ? "s5" : "")}\">{row.Outcome}</td>")
                .Append("</tr>");
        }

        html.Append("</tbody></table>");
        return (page.Rows.Count, page.ContinuationToken);
    }

    internal static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string QueryString(IQueryCollection values, string? exclude = null, string[]? only = null)
    {
        var pairs = values
            .Where(v => v.Key != exclude && (only is null || only.Contains(v.Key)) && !string.IsNullOrEmpty(v.Value.ToString()))
            .Select(v => $"{Uri.EscapeDataString(v.Key)}={Uri.EscapeDataString(v.Value.ToString())}")
            .ToArray();
        return pairs.Length == 0 ? "" : "?" + string.Join("&", pairs);
    }
}
