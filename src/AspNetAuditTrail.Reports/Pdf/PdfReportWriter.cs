using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace AspNetAuditTrail.Reports.Pdf;

/// <summary>
/// Writes an A4 report page by page as rows arrive, so a report of any length holds one page of layout at a time:
/// a header naming the report, who pulled it, when and the filters; sections of key figures; a table whose header
/// repeats on every page and whose long cells wrap (paths at / ? &amp; , and spaces); and, once the number of pages is
/// known, "Page X of Y" on every page.
/// </summary>
internal sealed class PdfReportWriter : IDisposable
{
    private const double Margin = 36;
    private const double LineGap = 1.5;
    private static readonly XColor Rule = XColor.FromArgb(190, 190, 190);
    private static readonly XColor HeaderFill = XColor.FromArgb(235, 238, 242);

    private readonly PdfDocument _document = new();
    private readonly XFont _title = new(EmbeddedFontResolver.Family, 15, XFontStyleEx.Bold);
    private readonly XFont _heading = new(EmbeddedFontResolver.Family, 10.5, XFontStyleEx.Bold);
    private readonly XFont _text = new(EmbeddedFontResolver.Family, 7.5, XFontStyleEx.Regular);
    private readonly XFont _bold = new(EmbeddedFontResolver.Family, 7.5, XFontStyleEx.Bold);
    private readonly string _runningHeader;
    private XGraphics? _graphics;
    private double _y;
    private IReadOnlyList<PdfColumn>? _columns;
    private double[] _widths = [];

    // Before any XFont is made (instance field initializers run before the constructor's body).
    static PdfReportWriter() => EmbeddedFontResolver.EnsureInstalled();

    public PdfReportWriter(string title, string pulledBy, DateTimeOffset pulledAt, IEnumerable<string> filters, (string Text, bool Verified) integrity)
    {
        _document.Info.Title = title;
        var when = pulledAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        _runningHeader = $"{title} · pulled by {pulledBy} at {when}";
        NewPage(repeatHeader: false);
        Draw(title, _title, XColors.Black);
        Draw($"Pulled by {pulledBy} at {when}", _text, XColors.Black);
        var filterText = string.Join("; ", filters);
        Draw($"Filters: {(filterText.Length == 0 ? "none" : filterText)}", _text, XColors.Black);
        Draw(integrity.Text, _text, integrity.Verified ? XColor.FromArgb(0, 128, 64) : XColor.FromArgb(192, 0, 0));
        _y += 6;
    }

    private double Width => _document.Pages[^1].Width.Point - (2 * Margin);

    private double Bottom => _document.Pages[^1].Height.Point - Margin - 14;

    /// <summary>A section heading.</summary>
    public void Heading(string text)
    {
        EndTable();
        Ensure(_heading.Height * 2);
        _y += 4;
        Draw(text, _heading, XColors.Black);
    }

    /// <summary>A line of text (wrapped).</summary>
    public void Line(string text, XColor? color = null) => Draw(text, _text, color ?? XColors.Black);

    /// <summary>Starts a table; its header is drawn now and again at the top of every following page.</summary>
    public void BeginTable(IReadOnlyList<PdfColumn> columns)
    {
        _columns = columns;
        var total = columns.Sum(c => c.Weight);
        _widths = columns.Select(c => Width * c.Weight / total).ToArray();
        Ensure((_bold.Height * 3) + 4);
        DrawTableHeader();
    }

    /// <summary>Adds a row; a row that does not fit on the page goes to the next one.</summary>
    public void Row(IReadOnlyList<PdfCell> cells)
    {
        var lines = cells.Select((cell, i) => TextWrap.Lines(cell.Text ?? "", _widths[i] - 4, text => Measure(text, cell.Bold ? _bold : _text))).ToArray();
        var height = (lines.Max(l => l.Count) * (_text.Height + LineGap)) + 3;
        if (_y + height > Bottom)
        {
            NewPage(repeatHeader: true);
        }

        var x = Margin;
        for (var i = 0; i < cells.Count; i++)
        {
            var font = cells[i].Bold ? _bold : _text;
            var brush = new XSolidBrush(cells[i].Color ?? XColors.Black);
            var y = _y + 1.5;
            foreach (var line in lines[i])
            {
                _graphics!.DrawString(line, font, brush, new XRect(x + 2, y, _widths[i] - 4, font.Height), XStringFormats.TopLeft);
                y += font.Height + LineGap;
            }

            x += _widths[i];
        }

        _y += height;
        _graphics!.DrawLine(new XPen(Rule, 0.4), Margin, _y, Margin + Width, _y);
    }

    /// <summary>Reserves <paramref name="height"/> points across the page (on a new page when they do not fit) and lets <paramref name="paint"/> draw there with the report's text font.</summary>
    public void Figure(double height, Action<XGraphics, XRect, XFont> paint)
    {
        EndTable();
        Ensure(height);
        paint(_graphics!, new XRect(Margin, _y, Width, height), _text);
        _y += height + 4;
    }

    /// <summary>Ends the current table (the next page starts without its header).</summary>
    public void EndTable() => _columns = null;

    /// <summary>Numbers the pages and writes the document.</summary>
    public void Save(Stream output)
    {
        _graphics?.Dispose();
        _graphics = null;
        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            var page = _document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var text = $"Page {i + 1} of {count}";
            graphics.DrawString(text, _text, XBrushes.DimGray,
                new XRect(Margin, page.Height.Point - Margin, page.Width.Point - (2 * Margin), _text.Height), XStringFormats.TopRight);
        }

        _document.Save(output, closeStream: false);
    }

    private void NewPage(bool repeatHeader)
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        _graphics = XGraphics.FromPdfPage(page);
        _y = Margin;
        if (repeatHeader)
        {
            Draw(_runningHeader, _text, XColors.DimGray);
            _y += 4;
            if (_columns is not null)
            {
                DrawTableHeader();
            }
        }
    }

    private void DrawTableHeader()
    {
        var lines = _columns!.Select((c, i) => TextWrap.Lines(c.Heading, _widths[i] - 4, text => Measure(text, _bold))).ToArray();
        var height = (lines.Max(l => l.Count) * (_bold.Height + LineGap)) + 4;
        _graphics!.DrawRectangle(new XSolidBrush(HeaderFill), Margin, _y, Width, height);
        var x = Margin;
        for (var i = 0; i < lines.Length; i++)
        {
            var y = _y + 2;
            foreach (var line in lines[i])
            {
                _graphics.DrawString(line, _bold, XBrushes.Black, new XRect(x + 2, y, _widths[i] - 4, _bold.Height), XStringFormats.TopLeft);
                y += _bold.Height + LineGap;
            }

            x += _widths[i];
        }

        _y += height;
    }

    private void Draw(string text, XFont font, XColor color)
    {
        var brush = new XSolidBrush(color);
        foreach (var line in TextWrap.Lines(text, Width, t => Measure(t, font)))
        {
            Ensure(font.Height + LineGap);
            _graphics!.DrawString(line, font, brush, new XRect(Margin, _y, Width, font.Height), XStringFormats.TopLeft);
            _y += font.Height + LineGap;
        }
    }

    private void Ensure(double height)
    {
        if (_y + height > Bottom)
        {
            NewPage(repeatHeader: true);
        }
    }

    private double Measure(string text, XFont font) => _graphics!.MeasureString(text, font).Width;

    public void Dispose()
    {
        _graphics?.Dispose();
        _document.Dispose();
    }
}
