using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using AspNetAuditTrail.Reports.Insights;

namespace AspNetAuditTrail.Reports.Page;

/// <summary>
/// Charts drawn on the server as inline SVG: no script, colours from the page's stylesheet classes (so the strict
/// Content-Security-Policy holds), a title on every mark for its value, and the numbers again in a table for screen readers.
/// </summary>
internal static class SvgChart
{
    private const int Width = 340;
    private const int Height = 150;
    private const int Left = 34;
    private const int Bottom = 18;
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>Stacked columns over time, one colour per series.</summary>
    public static void Columns(StringBuilder html, string id, string title, TimeBuckets buckets, IReadOnlyList<ChartSeries> series)
    {
        var totals = Enumerable.Range(0, buckets.Count).Select(b => series.Sum(s => s.Values[b])).ToArray();
        var max = Math.Max(1, totals.DefaultIfEmpty(0).Max());
        var slot = (Width - Left - 4) / (double)buckets.Count;
        var scale = (Height - Bottom - 8) / (double)max;
        Open(html, id, title, $"{title}: {totals.Sum()} in all, at most {max} in one bucket of {Describe(buckets.Size)}.");
        html.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {Width} {Height}\" class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title\">");
        Axis(html, max);
        for (var b = 0; b < buckets.Count; b++)
        {
            var y = (double)(Height - Bottom);
            foreach (var s in series.Where(s => s.Values[b] > 0))
            {
                var h = s.Values[b] * scale;
                y -= h;
                html.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"{s.Class}\" x=\"{Left + (b * slot) + 1:0.#}\" y=\"{y:0.#}\" width=\"{Math.Max(1, slot - 2):0.#}\" height=\"{h:0.#}\" data-series=\"{Html.Encode(s.Name)}\" data-bucket=\"{buckets.Label(b)}\" data-value=\"{s.Values[b]}\"><title>{Html.Encode(s.Name)} at {buckets.Label(b)}: {s.Values[b]}</title></rect>");
            }
        }

        foreach (var (b, anchor) in new[] { (0, "start"), (buckets.Count / 2, "middle"), (buckets.Count - 1, "end") }.DistinctBy(t => t.Item1))
        {
            var x = Left + (b * slot) + (anchor == "end" ? slot : anchor == "middle" ? slot / 2 : 0);
            html.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{x:0.#}\" y=\"{Height - 4}\" text-anchor=\"{anchor}\">{buckets.Label(b)}</text>");
        }

        html.Append("</svg>");
        if (series.Count > 1)
        {
            html.Append("<p class=\"legend\">");
            foreach (var s in series)
            {
                html.Append($"<span><svg viewBox=\"0 0 10 10\" class=\"key\" aria-hidden=\"true\"><rect class=\"{s.Class}\" width=\"10\" height=\"10\"/></svg>{Html.Encode(s.Name)} {s.Values.Sum()}</span>");
            }

            html.Append("</p>");
        }

        Table(html, ["Time (UTC)", .. series.Select(s => s.Name)], Enumerable.Range(0, buckets.Count)
            .Where(b => totals[b] > 0).Select(b => (IReadOnlyList<string>)[buckets.Label(b), .. series.Select(s => s.Values[b].ToString(CultureInfo.InvariantCulture))]));
        html.Append("</figure>");
    }

    /// <summary>Horizontal bars, largest first as given, each with its label and its value.</summary>
    public static void Bars(StringBuilder html, string id, string title, IReadOnlyList<(string Label, double Value)> bars, string format, string cssClass)
    {
        Open(html, id, title, bars.Count == 0 ? $"{title}: none." : $"{title}: {string.Join(", ", bars.Select(b => $"{b.Label} {Value(b.Value, format)}"))}.");
        if (bars.Count == 0)
        {
            html.Append("<p class=\"none\">None in this period.</p></figure>");
            return;
        }

        var max = Math.Max(bars.Max(b => b.Value), double.Epsilon);
        var height = (bars.Count * 26) + 4;
        html.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {Width} {height}\" class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var shown = label.Length > 50 ? label[..49] + "…" : label;
            var y = (i * 26) + 2;
            html.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"0\" y=\"{y + 9}\">{Html.Encode(shown)}</text>")
                .Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"{cssClass}\" x=\"0\" y=\"{y + 12}\" width=\"{Math.Max(1, (Width - 50) * value / max):0.#}\" height=\"10\" data-label=\"{Html.Encode(label)}\" data-value=\"{Value(value, format)}\"><title>{Html.Encode(label)}: {Value(value, format)}</title></rect>")
                .Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{Math.Max(1, (Width - 50) * value / max) + 4:0.#}\" y=\"{y + 21}\">{Value(value, format)}</text>");
        }

        html.Append("</svg>");
        Table(html, ["", "Value"], bars.Select(b => (IReadOnlyList<string>)[b.Label, Value(b.Value, format)]));
        html.Append("</figure>");
    }

    private static void Open(StringBuilder html, string id, string title, string summary) =>
        html.Append($"<figure class=\"card\" id=\"{id}\"><figcaption id=\"{id}-title\">{Html.Encode(title)}<span class=\"sr\"> {Html.Encode(summary)}</span></figcaption>");

    private static void Axis(StringBuilder html, long max) =>
        html.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width}\" y2=\"{Height - Bottom}\"/>")
            .Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"0\" y=\"14\">{max}</text><text class=\"tick\" x=\"0\" y=\"{Height - Bottom}\">0</text>");

    private static void Table(StringBuilder html, IReadOnlyList<string> headings, IEnumerable<IReadOnlyList<string>> rows)
    {
        html.Append("<details><summary>Numbers</summary><table><thead><tr>");
        foreach (var heading in headings)
        {
            html.Append($"<th scope=\"col\">{Html.Encode(heading)}</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append($"<td>{Html.Encode(cell)}</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></details>");
    }

    private static string Value(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Describe(TimeSpan size) => size >= TimeSpan.FromDays(1) ? $"{size.TotalDays:0} day(s)" : size >= TimeSpan.FromHours(1) ? $"{size.TotalHours:0} hour(s)" : $"{size.TotalMinutes:0} minutes";
}
