using PdfSharp.Drawing;

namespace AspNetAuditTrail.Reports.Pdf;

/// <summary>A table cell: text, and optionally a colour and bold type (badges).</summary>
internal readonly record struct PdfCell(string? Text, XColor? Color = null, bool Bold = false)
{
    public static implicit operator PdfCell(string? text) => new(text);
}
