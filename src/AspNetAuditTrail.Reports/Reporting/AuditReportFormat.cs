namespace AspNetAuditTrail.Reports.Reporting;

/// <summary>How a report is written.</summary>
public enum AuditReportFormat
{
    /// <summary>An A4 PDF with a header naming who pulled it, when, its filters and what verification says.</summary>
    Pdf,

    /// <summary>CSV (RFC 4180, UTF-8, a header line).</summary>
    Csv,

    /// <summary>JSON.</summary>
    Json,
}
