using System.Globalization;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Reading;
using AspNetAuditTrail.Reports.Insights;
using PdfSharp.Drawing;

namespace AspNetAuditTrail.Reports.Pdf;

/// <summary>The requests report: a summary with charts (requests by status class over time, the slowest endpoints by p95), then every request matching the filters.</summary>
internal static class ActivitiesReport
{
    private static readonly XColor Red = XColor.FromArgb(192, 0, 0);
    private static readonly XColor Amber = XColor.FromArgb(176, 112, 0);

    public static async Task PdfAsync(PdfReportWriter pdf, IAuditReader reader, AuditQuery query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var to = query.To ?? now;
        var from = query.From ?? await OldestAsync(reader, query, cancellationToken) ?? to.AddDays(-1);
        var statistics = await TrailStatistics.OfRequestsAsync(reader.StreamRequestsAsync(query, cancellationToken), new InsightScope(from, to));
        pdf.Heading("Summary");
        pdf.Line($"Requests: {statistics.Requests.ToString("N0", CultureInfo.InvariantCulture)}");
        pdf.Line("By status class: " + (statistics.Requests == 0 ? "none" : string.Join(", ", statistics.RequestsOverTime.Select(s => $"{s.Name} {s.Values.Sum().ToString("N0", CultureInfo.InvariantCulture)}"))));
        pdf.Line($"Error rate (5xx): {(100 * statistics.ErrorRate).ToString("0.0", CultureInfo.InvariantCulture)} %");
        PdfCharts.Columns(pdf, "Requests by status class", statistics.Buckets, statistics.RequestsOverTime);
        PdfCharts.Bars(pdf, "Slowest endpoints (p95, ms)", [.. statistics.SlowestEndpoints.Select(e => (e.Endpoint, e.P95Ms))], "0.0", "c3");
        EndpointTable(pdf, "Slowest endpoints", statistics.SlowestEndpoints);

        pdf.Heading("Requests");
        pdf.BeginTable([new("Time (UTC)", 2.3), new("Method", 1), new("Path", 5), new("Status", 0.9), new("ms", 1), new("User", 1.6), new("IP", 1.7)]);
        await foreach (var row in reader.StreamRequestsAsync(query, cancellationToken))
        {
            var status = row.StatusCode;
            pdf.Row(
            [
                ReportEndpoints.Time(row.OccurredAt), row.Method, row.QueryString is { } q ? $"{row.Path}?{q}" : row.Path,
                new PdfCell(status.ToString(CultureInfo.InvariantCulture), status >= 500 ? Red : status >= 400 ? Amber : null),
                Ms(row.DurationMs), row.UserId, row.IpAddress,
            ]);
        }
    }

    /// <summary>A table of endpoints: requests, average and p95 duration, 5xx answers.</summary>
    public static void EndpointTable(PdfReportWriter pdf, string heading, IReadOnlyList<EndpointFigures> endpoints)
    {
        pdf.Heading(heading);
        pdf.BeginTable([new("Endpoint", 6), new("Requests", 1.2), new("Average ms", 1.4), new("p95 ms", 1.4), new("5xx", 1)]);
        foreach (var e in endpoints)
        {
            pdf.Row([e.Endpoint, e.Requests.ToString(CultureInfo.InvariantCulture), Ms(e.AverageMs), Ms(e.P95Ms), e.ServerErrors.ToString(CultureInfo.InvariantCulture)]);
        }

        pdf.EndTable();
    }

    /// <summary>When the oldest request of the tenant (before the query's end) happened, for a period without a start.</summary>
    private static async Task<DateTimeOffset?> OldestAsync(IAuditReader reader, AuditQuery query, CancellationToken cancellationToken)
    {
        await foreach (var row in reader.StreamAsync<RequestAuditEvent>(null, query.To, query.Tenant, cancellationToken))
        {
            return row.OccurredAt;
        }

        return null;
    }

    private static string Ms(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture);
}
