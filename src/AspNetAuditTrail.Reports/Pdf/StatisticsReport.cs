using System.Globalization;
using System.Text.Json;
using AspNetAuditTrail.Relational;
using AspNetAuditTrail.Reports.Export;
using AspNetAuditTrail.Reports.Insights;

namespace AspNetAuditTrail.Reports.Pdf;

/// <summary>The statistics report: volumes, error rates, top endpoints, sign-in success rate, security and business events; as PDF (with charts), CSV (section, key, value) or JSON.</summary>
internal static class StatisticsReport
{
    public static void Pdf(PdfReportWriter pdf, TrailStatistics statistics)
    {
        pdf.Heading("Key figures");
        foreach (var (key, value) in Figures(statistics))
        {
            pdf.Line($"{key}: {value}");
        }

        PdfCharts.Columns(pdf, "Requests by status class", statistics.Buckets, statistics.RequestsOverTime);
        ActivitiesReport.EndpointTable(pdf, "Top endpoints (by requests)", statistics.BusiestEndpoints);
        PdfCharts.Bars(pdf, "Slowest endpoints (p95, ms)", [.. statistics.SlowestEndpoints.Select(e => (e.Endpoint, e.P95Ms))], "0.0", "c3");
        PdfCharts.Columns(pdf, "Failed sign-ins", statistics.Buckets, [new ChartSeries("Failed sign-ins", "c5", statistics.FailedSignInsOverTime)]);
        PdfCharts.Bars(pdf, "Security events by type and severity", Counts(statistics.SecurityEvents), "0", "c6");
        PdfCharts.Bars(pdf, "Users with most failures", Counts(statistics.UsersWithMostFailures), "0", "c4");
        PdfCharts.Bars(pdf, "Addresses with most failures", Counts(statistics.AddressesWithMostFailures), "0", "c4");
        PdfCharts.Bars(pdf, "Business events by category", Counts(statistics.BusinessEventsByCategory), "0", "c2");
    }

    public static async Task CsvAsync(Stream output, TrailStatistics statistics, CancellationToken cancellationToken)
    {
        await using var text = RowExport.Writer(output);
        await text.WriteAsync(Csv.Line(["section", "key", "value"]));
        foreach (var (section, key, value) in Lines(statistics))
        {
            await text.WriteAsync(Csv.Line([section, key, value]));
        }

        await text.FlushAsync(cancellationToken);
    }

    public static async Task JsonAsync(Stream output, TrailStatistics statistics, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(output, AuditRecordJson.WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("from", statistics.Scope.From);
        writer.WriteString("to", statistics.Scope.To);
        writer.WriteNumber("requests", statistics.Requests);
        writer.WriteNumber("clientErrors", statistics.ClientErrors);
        writer.WriteNumber("serverErrors", statistics.ServerErrors);
        writer.WriteNumber("errorRate", Math.Round(statistics.ErrorRate, 4));
        writer.WriteNumber("signIns", statistics.SignIns);
        writer.WriteNumber("failedSignIns", statistics.FailedSignIns);
        if (statistics.SignInSuccessRate is { } rate)
        {
            writer.WriteNumber("signInSuccessRate", Math.Round(rate, 4));
        }

        writer.WriteStartArray("topEndpoints");
        foreach (var e in statistics.BusiestEndpoints)
        {
            writer.WriteStartObject();
            writer.WriteString("endpoint", e.Endpoint);
            writer.WriteNumber("requests", e.Requests);
            writer.WriteNumber("averageMs", Math.Round(e.AverageMs, 1));
            writer.WriteNumber("p95Ms", Math.Round(e.P95Ms, 1));
            writer.WriteNumber("serverErrors", e.ServerErrors);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        foreach (var (name, counts) in Rankings(statistics))
        {
            writer.WriteStartObject(name);
            foreach (var (key, count) in counts)
            {
                writer.WriteNumber(key, count);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    private static IEnumerable<(string Key, string Value)> Figures(TrailStatistics s) =>
    [
        ("Requests", s.Requests.ToString("N0", CultureInfo.InvariantCulture)),
        ("4xx answers", s.ClientErrors.ToString("N0", CultureInfo.InvariantCulture)),
        ("5xx answers", s.ServerErrors.ToString("N0", CultureInfo.InvariantCulture)),
        ("Error rate (5xx)", (100 * s.ErrorRate).ToString("0.0", CultureInfo.InvariantCulture) + " %"),
        ("Sign-ins", s.SignIns.ToString("N0", CultureInfo.InvariantCulture)),
        ("Failed sign-ins", s.FailedSignIns.ToString("N0", CultureInfo.InvariantCulture)),
        ("Sign-in success rate", s.SignInSuccessRate is { } rate ? (100 * rate).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "no sign-ins"),
    ];

    private static IEnumerable<(string Section, string Key, object? Value)> Lines(TrailStatistics s) =>
        Figures(s).Select(f => ("figures", f.Key, (object?)f.Value))
            .Concat(s.BusiestEndpoints.SelectMany(e => new (string, string, object?)[]
            {
                ("endpoint requests", e.Endpoint, e.Requests), ("endpoint p95 ms", e.Endpoint, Math.Round(e.P95Ms, 1)), ("endpoint 5xx", e.Endpoint, e.ServerErrors),
            }))
            .Concat(Rankings(s).SelectMany(r => r.Counts.Select(c => (r.Name, c.Key, (object?)c.Count))));

    private static IEnumerable<(string Name, IReadOnlyList<(string Key, long Count)> Counts)> Rankings(TrailStatistics s) =>
    [
        ("securityEvents", s.SecurityEvents), ("usersWithMostFailures", s.UsersWithMostFailures),
        ("addressesWithMostFailures", s.AddressesWithMostFailures), ("businessEventsByCategory", s.BusinessEventsByCategory),
    ];

    private static (string, double)[] Counts(IReadOnlyList<(string Key, long Count)> counts) => [.. counts.Select(c => (c.Key, (double)c.Count))];
}
