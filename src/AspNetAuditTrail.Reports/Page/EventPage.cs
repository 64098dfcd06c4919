using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AspNetAuditTrail.Reading;
using AspNetAuditTrail.Relational;
using Microsoft.AspNetCore.Http;

namespace AspNetAuditTrail.Reports.Page;

/// <summary>
/// One request's page (<c>GET /events/{id}</c> asked for as HTML): the request, its bodies (JSON pretty-printed), the
/// error, what the handler did, and every linked row, each kind a table of its columns. No script, the page's style only.
/// </summary>
internal static class EventPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;
    private static readonly HashSet<string> Hidden = ["chain_id", "chain_seq", "row_mac", "personal_digest", "request_event_id"];
    private static readonly string[] Bodies = ["request_content_type", "request_body", "request_body_status", "response_content_type", "response_body", "response_body_status"];
    private static readonly string[] Error = ["error_type", "error_message", "error_stacktrace"];
    private static readonly string[] Handler = ["controller", "action", "route_template", "route_values", "action_arguments", "validation_errors", "result_type", "result_status_code", "extra_information"];

    public static IResult Render(HttpContext context, AuditEventDetails details)
    {
        var request = details.Request;
        var values = AuditTables.Request.Columns.ToDictionary(c => c.Name, c => c.Read(request), StringComparer.Ordinal);
        var title = $"{request.Method} {request.Path}";
        var html = PageShell.Begin(context, title, PageShell.Prefix(context, "/events/" + context.Request.RouteValues["id"]), "",
            $"<h1 id=\"request\">{Html.Encode(title)} <span class=\"s{request.StatusCode / 100}\">{request.StatusCode}</span></h1>");
        Fields(html, "Request", "fields-request", values.Where(v => !Bodies.Contains(v.Key) && !Error.Contains(v.Key) && !Handler.Contains(v.Key) && !Hidden.Contains(v.Key)));
        Fields(html, "Bodies", "fields-bodies", values.Where(v => Bodies.Contains(v.Key)));
        Fields(html, "Error", "fields-error", values.Where(v => Error.Contains(v.Key)));
        Fields(html, "What the handler did", "fields-handler", values.Where(v => Handler.Contains(v.Key)));
        Rows(html, "Sign-ins", "logins", details.Logins, AuditTables.Login);
        Rows(html, "Security events", "security", details.SecurityEvents, AuditTables.Security);
        Rows(html, "Processes", "processes", details.Processes, AuditTables.Process);
        Rows(html, "Steps", "steps", details.Steps, AuditTables.Step);
        Rows(html, "Registrations", "registrations", details.Registrations, AuditTables.Registration);
        Rows(html, "Business events", "business-events", details.BusinessEvents, AuditTables.BusinessEvent);
        Rows(html, "Changes of records", "changes", details.EntityChanges, AuditTables.EntityChange);
        return PageShell.End(html);
    }

    private static void Fields(StringBuilder html, string title, string id, IEnumerable<KeyValuePair<string, object?>> values)
    {
        var shown = values.Where(v => v.Value is not null).ToArray();
        if (shown.Length == 0)
        {
            return;
        }

        html.Append($"<h2>{title}</h2><dl id=\"{id}\">");
        foreach (var (name, value) in shown)
        {
            html.Append($"<dt>{Html.Encode(name)}</dt><dd>{Value(value)}</dd>");
        }

        html.Append("</dl>");
    }

    private static void Rows<TEvent>(StringBuilder html, string title, string id, IReadOnlyList<TEvent> rows, AuditTable<TEvent> table)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var columns = table.Columns.Where(c => !Hidden.Contains(c.Name)).ToArray();
        html.Append($"<h2>{title}</h2><table id=\"{id}\"><thead><tr>");
        foreach (var column in columns)
        {
            html.Append($"<th scope=\"col\">{Html.Encode(column.Name)}</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var column in columns)
            {
                html.Append($"<td>{Value(column.Read(row))}</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
    }

    /// <summary>A value as HTML: JSON pretty-printed in a block, long or multi-line text in a block, times in UTC.</summary>
    private static string Value(object? value)
    {
        switch (value)
        {
            case null:
                return "";
            case DateTimeOffset time:
                return time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
            case string text when text.Length > 1 && text[0] is '{' or '[':
                try
                {
                    using var document = JsonDocument.Parse(text);
                    return Block(JsonSerializer.Serialize(document.RootElement, PrettyJson));
                }
                catch (JsonException)
                {
                    return Block(text);
                }

            case string text when text.Contains('\n', StringComparison.Ordinal) || text.Length > 120:
                return Block(text);
            default:
                return Html.Encode(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
        }
    }

    /// <summary>Text in a block, each line encoded on its own so that the lines stay lines.</summary>
    private static string Block(string text) => $"<pre>{string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(Html.Encode))}</pre>";

    private static readonly JsonSerializerOptions PrettyJson = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
