using System.Text.Json;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Relational;
using AspNetAuditTrail.Reports.Export;
using AspNetAuditTrail.Reports.Insights;
using AspNetAuditTrail.Reports.Page;
using PdfSharp.Drawing;

namespace AspNetAuditTrail.Reports.Pdf;

/// <summary>The suspicious-activity report: incidents by kind, then each incident; as PDF, CSV or JSON.</summary>
internal static class SuspiciousReport
{
    private static readonly string[] Columns = ["severity", "kind", "user", "ip_address", "rows", "first", "last", "description"];

    public static void Pdf(PdfReportWriter pdf, IReadOnlyList<SuspiciousFinding> findings)
    {
        pdf.Heading("Summary");
        pdf.Line($"Incidents: {findings.Count}");
        PdfCharts.Bars(pdf, "Incidents by kind", [.. findings.GroupBy(f => f.Kind).OrderByDescending(g => g.Count()).Select(g => (SuspiciousPage.Label(g.Key), (double)g.Count()))], "0", "c5");
        pdf.Heading("Incidents");
        pdf.BeginTable([new("Severity", 1.1), new("What", 2.2), new("User", 1.5), new("IP", 1.5), new("Rows", 0.7), new("First (UTC)", 2), new("Last (UTC)", 2), new("Details", 5)]);
        foreach (var f in findings)
        {
            pdf.Row(
            [
                new PdfCell(f.Severity.ToString(), f.Severity >= SecuritySeverity.Error ? XColor.FromArgb(192, 0, 0) : XColor.FromArgb(176, 112, 0), Bold: true),
                SuspiciousPage.Label(f.Kind), f.User, f.IpAddress, f.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ReportEndpoints.Time(f.First), ReportEndpoints.Time(f.Last), f.Description,
            ]);
        }
    }

    public static async Task CsvAsync(Stream output, IReadOnlyList<SuspiciousFinding> findings, CancellationToken cancellationToken)
    {
        await using var text = RowExport.Writer(output);
        await text.WriteAsync(Csv.Line(Columns));
        foreach (var f in findings)
        {
            await text.WriteAsync(Csv.Line([f.Severity, f.Kind, f.User, f.IpAddress, f.Count, f.First, f.Last, f.Description]));
        }

        await text.FlushAsync(cancellationToken);
    }

    public static async Task JsonAsync(Stream output, IReadOnlyList<SuspiciousFinding> findings, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(output, AuditRecordJson.WriterOptions);
        writer.WriteStartArray();
        foreach (var f in findings)
        {
            writer.WriteStartObject();
            writer.WriteString("severity", f.Severity.ToString());
            writer.WriteString("kind", f.Kind.ToString());
            writer.WriteString("user", f.User);
            writer.WriteString("ipAddress", f.IpAddress);
            writer.WriteNumber("rows", f.Count);
            writer.WriteString("first", f.First);
            writer.WriteString("last", f.Last);
            writer.WriteString("description", f.Description);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        await writer.FlushAsync(cancellationToken);
    }
}
