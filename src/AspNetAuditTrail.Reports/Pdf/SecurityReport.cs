using AspNetAuditTrail.Events;
using AspNetAuditTrail.Reading;
using AspNetAuditTrail.Reports.Insights;
using PdfSharp.Drawing;

namespace AspNetAuditTrail.Reports.Pdf;

/// <summary>The security report: charts of security events by type and severity, failed sign-ins over time and the addresses with most failures, then every security event.</summary>
internal static class SecurityReport
{
    public static async Task PdfAsync(PdfReportWriter pdf, IAuditReader reader, TrailStatistics statistics, CancellationToken cancellationToken)
    {
        pdf.Heading("Summary");
        pdf.Line($"Security events: {statistics.SecurityEvents.Sum(e => e.Count)}; failed sign-ins: {statistics.FailedSignIns}; sign-ins: {statistics.SignIns}");
        PdfCharts.Bars(pdf, "Security events by type and severity", [.. statistics.SecurityEvents.Select(c => (c.Key, (double)c.Count))], "0", "c6");
        PdfCharts.Columns(pdf, "Failed sign-ins", statistics.Buckets, [new ChartSeries("Failed sign-ins", "c5", statistics.FailedSignInsOverTime)]);
        PdfCharts.Bars(pdf, "Addresses with most failures", [.. statistics.AddressesWithMostFailures.Select(c => (c.Key, (double)c.Count))], "0", "c4");
        pdf.Heading("Security events");
        pdf.BeginTable([new("Time (UTC)", 2.2), new("Type", 2), new("Severity", 1.2), new("User", 1.6), new("IP", 1.6), new("Endpoint", 2.6), new("Details", 4)]);
        var scope = statistics.Scope;
        await foreach (var row in reader.StreamAsync<SecurityAuditEvent>(scope.From, scope.To, scope.Tenant, cancellationToken))
        {
            if (scope.Includes(row.UserId, row.UserName))
            {
                var serious = row.Severity >= SecuritySeverity.Error;
                pdf.Row([ReportEndpoints.Time(row.OccurredAt), row.EventType.ToString(),
                    new PdfCell(row.Severity.ToString(), serious ? XColor.FromArgb(192, 0, 0) : null, Bold: serious), row.UserName ?? row.UserId, row.IpAddress, row.Endpoint, row.Details]);
            }
        }
    }
}
