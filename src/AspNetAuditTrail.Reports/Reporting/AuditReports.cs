using AspNetAuditTrail.Events;
using AspNetAuditTrail.Reading;
using AspNetAuditTrail.Relational;
using AspNetAuditTrail.Reports.Export;
using AspNetAuditTrail.Reports.Insights;
using AspNetAuditTrail.Reports.Pdf;

namespace AspNetAuditTrail.Reports.Reporting;

/// <summary>
/// Writes the reports of a period (<see cref="AuditReportKind"/>) as PDF, CSV or JSON from any <see cref="IAuditReader"/>:
/// the admin endpoints, the scheduled e-mails and the <c>audit-trail report</c> command all write through it.
/// </summary>
/// <param name="reader">The trail (narrowed to a tenant already where the caller may see one only).</param>
/// <param name="suspicious">The rules of the suspicious-activity report.</param>
/// <param name="time">The clock of the reports' headers.</param>
public sealed class AuditReports(IAuditReader reader, SuspiciousActivityOptions suspicious, TimeProvider time)
{
    /// <summary>The report's file name, for example <c>statistics.pdf</c>.</summary>
    public static string FileName(AuditReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Kind.ToString().ToLowerInvariant()}.{request.Format.ToString().ToLowerInvariant()}";
    }

    /// <summary>The media type of a format.</summary>
    public static string ContentType(AuditReportFormat format) => format switch
    {
        AuditReportFormat.Pdf => "application/pdf",
        AuditReportFormat.Csv => "text/csv; charset=utf-8",
        _ => "application/json; charset=utf-8",
    };

    /// <summary>Writes the report to <paramref name="output"/>; <paramref name="progress"/> hears how many rows have been read so far.</summary>
    /// <exception cref="ArgumentException">The period ends before it starts.</exception>
    public async Task WriteAsync(AuditReportRequest request, Stream output, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        if (request.To < request.From)
        {
            throw new ArgumentException("The report's period ends before it starts.", nameof(request));
        }

        var rows = progress is null ? reader : new CountingReader(reader, progress);
        var scope = new InsightScope(request.From, request.To, request.UserId, request.Tenant);
        var query = new AuditQuery { From = request.From, To = request.To, UserId = request.UserId, Tenant = request.Tenant };
        if (request.Format == AuditReportFormat.Pdf)
        {
            using var pdf = new PdfReportWriter(Title(request.Kind), request.PulledBy, time.GetUtcNow(), Filters(request), (request.Integrity, request.Verified));
            await (request.Kind switch
            {
                AuditReportKind.Activities => ActivitiesReport.PdfAsync(pdf, rows, query, time.GetUtcNow(), cancellationToken),
                AuditReportKind.Statistics => StatisticsAsync(),
                AuditReportKind.Suspicious => SuspiciousAsync(),
                AuditReportKind.Processes => ProcessesReport.PdfAsync(pdf, rows, query, cancellationToken),
                _ => SecurityReport.PdfAsync(pdf, rows, await TrailStatistics.ComputeAsync(rows, scope, cancellationToken), cancellationToken),
            });
            pdf.Save(output);
            return;

            async Task StatisticsAsync() => StatisticsReport.Pdf(pdf, await TrailStatistics.ComputeAsync(rows, scope, cancellationToken));
            async Task SuspiciousAsync() => SuspiciousReport.Pdf(pdf, await SuspiciousActivity.DetectAsync(rows, scope, suspicious, cancellationToken));
        }

        var csv = request.Format == AuditReportFormat.Csv;
        switch (request.Kind)
        {
            case AuditReportKind.Activities:
                await Export(output, rows.StreamRequestsAsync(query, cancellationToken), AuditTables.Request, csv, cancellationToken);
                break;
            case AuditReportKind.Statistics:
                var statistics = await TrailStatistics.ComputeAsync(rows, scope, cancellationToken);
                await (csv ? StatisticsReport.CsvAsync(output, statistics, cancellationToken) : StatisticsReport.JsonAsync(output, statistics, cancellationToken));
                break;
            case AuditReportKind.Suspicious:
                var findings = await SuspiciousActivity.DetectAsync(rows, scope, suspicious, cancellationToken);
                await (csv ? SuspiciousReport.CsvAsync(output, findings, cancellationToken) : SuspiciousReport.JsonAsync(output, findings, cancellationToken));
                break;
            case AuditReportKind.Processes:
                await (csv ? ProcessesReport.CsvAsync(output, rows, query, cancellationToken) : ProcessesReport.JsonAsync(output, rows, query, cancellationToken));
                break;
            default:
                var security = rows.StreamAsync<SecurityAuditEvent>(request.From, request.To, request.Tenant, cancellationToken).Where(e => scope.Includes(e.UserId, e.UserName));
                await Export(output, security, AuditTables.Security, csv, cancellationToken);
                break;
        }
    }

    private static Task Export<TEvent>(Stream output, IAsyncEnumerable<TEvent> rows, AuditTable<TEvent> table, bool csv, CancellationToken cancellationToken) =>
        csv ? RowExport.CsvAsync(output, rows, table, cancellationToken) : RowExport.JsonAsync(output, rows, table, cancellationToken);

    private static string Title(AuditReportKind kind) => kind switch
    {
        AuditReportKind.Activities => "Requests report",
        AuditReportKind.Statistics => "Statistics report",
        AuditReportKind.Suspicious => "Suspicious-activity report",
        AuditReportKind.Processes => "Process report",
        _ => "Security report",
    };

    private static IEnumerable<string> Filters(AuditReportRequest request) =>
    [
        $"from = {request.From.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC", $"to = {request.To.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC",
        .. request.UserId is { } user ? [$"user = {user}"] : Array.Empty<string>(),
        .. request.Tenant is { } tenant ? [$"tenant = {tenant.TenantId}{(tenant.SubtenantId is { } sub ? "/" + sub : "")}"] : Array.Empty<string>(),
    ];
}
