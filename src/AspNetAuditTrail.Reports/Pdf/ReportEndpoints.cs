using System.Globalization;
using AspNetAuditTrail.Events;
using AspNetAuditTrail.Integrity;
using AspNetAuditTrail.Reading;
using AspNetAuditTrail.Reports.Integrity;
using AspNetAuditTrail.Reports.Query;
using AspNetAuditTrail.Reports.Reporting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;

namespace AspNetAuditTrail.Reports.Pdf;

/// <summary>The PDF report endpoints: requests, sign-ins, processes, and the statistics, suspicious-activity and security reports (changes of records: <see cref="ChangesReport"/>).</summary>
internal static class ReportEndpoints
{
    private const int MaxEndpoints = 5_000;
    private static readonly XColor Green = XColor.FromArgb(0, 128, 64);
    private static readonly XColor Red = XColor.FromArgb(192, 0, 0);

    public static async Task<IResult> RequestsAsync(HttpContext context, IAuditReader reader, TimeProvider time)
    {
        reader = ReadScope.Narrow(context, reader);
        var (query, errors) = AuditQueryParser.Parse(context.Request.Query);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        using var pdf = await NewReportAsync(context, time, "Requests report", Filters(context), query.From, query.To);
        await ActivitiesReport.PdfAsync(pdf, reader, query, time.GetUtcNow(), context.RequestAborted);
        return Send(context, pdf, "requests.pdf");
    }

    public static async Task<IResult> LoginsAsync(HttpContext context, IAuditReader reader, TimeProvider time)
    {
        reader = ReadScope.Narrow(context, reader);
        if (!TryTimeRange(context, out var from, out var to, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var cancel = context.RequestAborted;
        var byStatus = new Dictionary<LoginStatus, long>();
        var failuresByUser = new Dictionary<string, long>(StringComparer.Ordinal);
        var failuresByIp = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var row in reader.StreamAsync<LoginAuditEvent>(from, to, tenant: null, cancel))
        {
            byStatus[row.Status] = byStatus.GetValueOrDefault(row.Status) + 1;
            if (row.Status == LoginStatus.Failed)
            {
                Count(failuresByUser, row.UserName ?? "(unknown)");
                Count(failuresByIp, row.IpAddress ?? "(unknown)");
            }
        }

        using var pdf = await NewReportAsync(context, time, "Sign-in report", Filters(context), from, to);
        pdf.Heading("Summary");
        pdf.Line("Sign-ins, sign-outs and failures: " + (byStatus.Count == 0 ? "none" : string.Join(", ", byStatus.OrderBy(s => s.Key.ToString(), StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value}"))));
        Ranking(pdf, "Failed sign-ins by user", "User", failuresByUser);
        Ranking(pdf, "Failed sign-ins by address", "IP address", failuresByIp);

        pdf.Heading("Suspicious activity");
        pdf.BeginTable([new("Time (UTC)", 2.3), new("Severity", 1.2), new("User", 1.8), new("IP", 1.7), new("Details", 6)]);
        await foreach (var row in reader.StreamAsync<SecurityAuditEvent>(from, to, tenant: null, cancel))
        {
            if (row.EventType == SecurityEventType.SuspiciousActivity)
            {
                pdf.Row([Time(row.OccurredAt), new PdfCell(row.Severity.ToString(), Red, Bold: true), row.UserName, row.IpAddress, row.Details]);
            }
        }

        pdf.Heading("Sign-ins, sign-outs and failures");
        pdf.BeginTable([new("Time (UTC)", 2.3), new("Status", 1.3), new("User name", 2.4), new("User id", 2), new("IP", 1.8)]);
        await foreach (var row in reader.StreamAsync<LoginAuditEvent>(from, to, tenant: null, cancel))
        {
            pdf.Row([Time(row.OccurredAt), new PdfCell(row.Status.ToString(), row.Status == LoginStatus.Failed ? Red : Green, Bold: true), row.UserName, row.UserId, row.IpAddress]);
        }

        return Send(context, pdf, "logins.pdf");
    }

    public static async Task<IResult> ProcessesAsync(HttpContext context, IAuditReader reader, TimeProvider time)
    {
        reader = ReadScope.Narrow(context, reader);
        if (!TryTimeRange(context, out var from, out var to, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        using var pdf = await NewReportAsync(context, time, "Process report", Filters(context), from, to);
        await ProcessesReport.PdfAsync(pdf, reader, new AuditQuery { From = from, To = to }, context.RequestAborted);
        return Send(context, pdf, "processes.pdf");
    }

    /// <summary>The statistics, suspicious-activity and security reports of a period (<c>days</c>, or <c>from</c> and <c>to</c>; <c>user</c>; <c>tenant</c>).</summary>
    public static Func<HttpContext, IAuditReader, TimeProvider, IOptions<SuspiciousActivityOptions>, Task<IResult>> Insight(AuditReportKind kind) =>
        async (context, reader, time, options) =>
        {
            reader = ReadScope.Narrow(context, reader);
            var (scope, errors) = InsightQueryParser.Parse(context.Request.Query, time.GetUtcNow());
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }

            var (integrity, verified) = TrailVerification.Summary(await TrailVerification.RunAsync(context, new AuditVerifyScope(scope.From, scope.To)));
            var request = new AuditReportRequest
            {
                Kind = kind, From = scope.From, To = scope.To, UserId = scope.UserId, Tenant = scope.Tenant, PulledBy = PulledBy(context), Integrity = integrity, Verified = verified,
            };
            var output = new MemoryStream();
            await new AuditReports(reader, options.Value, time).WriteAsync(request, output, null, context.RequestAborted);
            output.Position = 0;
            return TypedResults.File(output, "application/pdf", AuditReports.FileName(request));
        };

    /// <summary>A report whose header names who pulled it, its filters, and whether the rows of its period verify.</summary>
    internal static async Task<PdfReportWriter> NewReportAsync(HttpContext context, TimeProvider time, string title, IEnumerable<string> filters, DateTimeOffset? from, DateTimeOffset? to)
    {
        var verification = await TrailVerification.RunAsync(context, new AuditVerifyScope(from, to));
        return new PdfReportWriter(title, PulledBy(context), time.GetUtcNow(), filters, TrailVerification.Summary(verification));
    }

    private static string PulledBy(HttpContext context) => context.User.Identity?.Name ?? context.User.FindFirst("sub")?.Value ?? "an unnamed user";

    internal static IResult Send(HttpContext context, PdfReportWriter pdf, string fileName)
    {
        var output = new MemoryStream();
        pdf.Save(output);
        output.Position = 0;
        return TypedResults.File(output, "application/pdf", fileName);
    }

    internal static IEnumerable<string> Filters(HttpContext context) =>
        context.Request.Query.Where(q => !string.IsNullOrWhiteSpace(q.Value)).Select(q => $"{q.Key} = {q.Value}");

    private static bool TryTimeRange(HttpContext context, out DateTimeOffset? from, out DateTimeOffset? to, out Dictionary<string, string[]> errors)
    {
        (from, to, errors) = AuditQueryParser.ParseTimeRange(context.Request.Query);
        return errors.Count == 0;
    }

    private static void Ranking(PdfReportWriter pdf, string heading, string column, Dictionary<string, long> counts)
    {
        pdf.Heading(heading);
        pdf.BeginTable([new(column, 5), new("Failures", 1.5)]);
        foreach (var (key, count) in counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(20))
        {
            pdf.Row([key, count.ToString(CultureInfo.InvariantCulture)]);
        }
    }

    private static void Count(Dictionary<string, long> counts, string key)
    {
        if (counts.ContainsKey(key) || counts.Count < MaxEndpoints)
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
    }

    internal static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
