using System.Globalization;
using AspNetAuditTrail.Reports.Insights;
using PdfSharp.Drawing;

namespace AspNetAuditTrail.Reports.Pdf;

/// <summary>The summary charts of the PDF reports, drawn with the same series, colours and numbers as the admin page's SVG charts.</summary>
internal static class PdfCharts
{
    private const double ColumnsHeight = 110;
    private const double BarRow = 11;
    private static readonly XPen Axis = new(XColor.FromArgb(150, 150, 150), 0.5);

    /// <summary>Stacked columns over time, with the series' totals in the legend.</summary>
    public static void Columns(PdfReportWriter pdf, string title, TimeBuckets buckets, IReadOnlyList<ChartSeries> series)
    {
        pdf.Heading(title);
        var totals = Enumerable.Range(0, buckets.Count).Select(b => series.Sum(s => s.Values[b])).ToArray();
        var max = Math.Max(1, totals.DefaultIfEmpty(0).Max());
        pdf.Figure(ColumnsHeight, (g, area, font) =>
        {
            var (left, bottom) = (area.X + 30, area.Bottom - (2 * font.Height) - 4);
            var slot = (area.Right - left) / buckets.Count;
            var scale = (bottom - area.Y - 4) / max;
            g.DrawLine(Axis, left, bottom, area.Right, bottom);
            g.DrawString(max.ToString(CultureInfo.InvariantCulture), font, XBrushes.Black, new XRect(area.X, area.Y, 28, font.Height), XStringFormats.TopLeft);
            g.DrawString("0", font, XBrushes.Black, new XRect(area.X, bottom - font.Height, 28, font.Height), XStringFormats.TopLeft);
            for (var b = 0; b < buckets.Count; b++)
            {
                var y = bottom;
                foreach (var s in series.Where(s => s.Values[b] > 0))
                {
                    var h = s.Values[b] * scale;
                    y -= h;
                    g.DrawRectangle(new XSolidBrush(Colour(s.Class)), left + (b * slot) + 0.5, y, Math.Max(0.5, slot - 1), h);
                }
            }

            foreach (var (b, format) in new[] { (0, XStringFormats.TopLeft), (buckets.Count / 2, XStringFormats.TopCenter), (buckets.Count - 1, XStringFormats.TopRight) })
            {
                g.DrawString(buckets.Label(b), font, XBrushes.Black, new XRect(left + (b * slot), bottom + 1, slot, font.Height), format);
            }

            var x = left;
            foreach (var s in series)
            {
                var text = $"{s.Name} {s.Values.Sum().ToString("N0", CultureInfo.InvariantCulture)}";
                g.DrawRectangle(new XSolidBrush(Colour(s.Class)), x, area.Bottom - font.Height + 1, 6, 6);
                g.DrawString(text, font, XBrushes.Black, new XRect(x + 8, area.Bottom - font.Height, 200, font.Height), XStringFormats.TopLeft);
                x += 16 + g.MeasureString(text, font).Width;
            }
        });
    }

    /// <summary>Horizontal bars, one per label, with its value written after the bar.</summary>
    public static void Bars(PdfReportWriter pdf, string title, IReadOnlyList<(string Label, double Value)> bars, string format, string cssClass)
    {
        pdf.Heading(title);
        if (bars.Count == 0)
        {
            pdf.Line("None in this period.");
            return;
        }

        var max = Math.Max(bars.Max(b => b.Value), double.Epsilon);
        pdf.Figure(bars.Count * BarRow, (g, area, font) =>
        {
            var labelWidth = area.Width * 0.42;
            var room = area.Width - labelWidth - 50;
            for (var i = 0; i < bars.Count; i++)
            {
                var (label, value) = bars[i];
                var y = area.Y + (i * BarRow);
                var shown = label;
                while (shown.Length > 4 && g.MeasureString(shown, font).Width > labelWidth - 4)
                {
                    shown = shown[..^2] + "…";
                }

                g.DrawString(shown, font, XBrushes.Black, new XRect(area.X, y, labelWidth - 4, BarRow), XStringFormats.CenterLeft);
                var width = Math.Max(0.5, room * value / max);
                g.DrawRectangle(new XSolidBrush(Colour(cssClass)), area.X + labelWidth, y + 2, width, BarRow - 4);
                g.DrawString(value.ToString(format, CultureInfo.InvariantCulture), font, XBrushes.Black, new XRect(area.X + labelWidth + width + 3, y, 50, BarRow), XStringFormats.CenterLeft);
            }
        });
    }

    /// <summary>The colour of a style class of the admin page (<c>c1</c> to <c>c6</c>).</summary>
    private static XColor Colour(string cssClass) => cssClass switch
    {
        "c1" => XColor.FromArgb(122, 122, 122),
        "c2" => XColor.FromArgb(46, 125, 50),
        "c3" => XColor.FromArgb(21, 101, 192),
        "c4" => XColor.FromArgb(239, 143, 0),
        "c5" => XColor.FromArgb(198, 40, 40),
        _ => XColor.FromArgb(106, 27, 154),
    };
}
