using System.Text;
using System.Text.Encodings.Web;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Reading;

namespace AspNetAuditTrail.Reports.Page;

/// <summary>
/// The admin page's table of changes of records: each change with its fields before and after, the record a link to
/// its history (<c>?kind=change&amp;entity=...&amp;id=...</c>), the request a link to its details.
/// </summary>
internal static class ChangeTable
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static (int Count, string? Token) Render(StringBuilder html, string prefix, EntityChangeQuery query, AuditPage<EntityChangeAuditEvent> page)
    {
        if (query is { EntityType: { } type, EntityId: { } id })
        {
            html.Append($"<h2 id=\"history\">History of {Html.Encode(type)} {Html.Encode(id)}, newest first</h2>");
        }

        html.Append("<table id=\"events\"><thead><tr><th>Time (UTC)</th><th>Record</th><th>Action</th><th>Fields (before → after)</th><th>User</th><th>Source</th><th>Request</th></tr></thead><tbody>");
        foreach (var row in page.Rows)
        {
            var history = $"{prefix}?kind=change&entity={Uri.EscapeDataString(row.EntityType)}&id={Uri.EscapeDataString(row.EntityId)}";
            html.Append("<tr>")
                .Append($"<td>{AdminPage.Time(row.OccurredAt)}</td>")
                .Append($"<td><a href=\"{Html.Encode(history)}\">{Html.Encode($"{row.EntityType} {row.EntityId}")}</a></td>")
                .Append($"<td>{row.Action}</td><td>");
            Fields(html, row.ChangedFields);
            html.Append($"</td><td>{Html.Encode(row.UserId ?? "")}</td><td>{row.Source}</td><td>")
                .Append(row.RequestEventId is { } request ? $"<a href=\"{Html.Encode($"{prefix}/events/{request}")}\">details</a>" : "")
                .Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        return (page.Rows.Count, page.ContinuationToken);
    }

    /// <summary>Each changed field as <c>name: before → after</c> (a masked field as it is stored, <c>***</c>).</summary>
    private static void Fields(StringBuilder html, string? changedFields)
    {
        html.Append("<ul class=\"fields\">");
        foreach (var (name, before, after) in ChangedFields.Read(changedFields))
        {
            html.Append($"<li><b>{Html.Encode(name)}</b>: {Html.Encode(before)}")
                .Append(after is null ? "" : $" \u2192 {Html.Encode(after)}")
                .Append("</li>");
        }

        html.Append("</ul>");
    }
}
