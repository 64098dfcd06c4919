namespace AspNetAuditTrail.Reports.Pdf;

/// <summary>A table column: its heading and its share of the page width.</summary>
internal sealed record PdfColumn(string Heading, double Weight);
