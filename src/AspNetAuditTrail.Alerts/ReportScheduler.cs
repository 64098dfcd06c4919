using System.Globalization;
using AspNetAuditTrail.Integrity;
using AspNetAuditTrail.Reading;
using AspNetAuditTrail.Reports;
using AspNetAuditTrail.Reports.Integrity;
using AspNetAuditTrail.Reports.Reporting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AspNetAuditTrail.Alerts;

/// <summary>
/// Sends each schedule's report when it is due: the period up to that moment, written by <see cref="AuditReports"/> with
/// what verification of the period found in its header, attached to an e-mail to the schedule's recipients, retried
/// when the send fails. A failure is logged and the next run comes as planned; the app never stops for it.
/// </summary>
internal sealed partial class ReportScheduler(
    IOptions<ScheduledReportOptions> options, IOptions<SuspiciousActivityOptions> suspicious, IAuditReader reader, IServiceProvider services,
    TimeProvider time, ILogger<ReportScheduler> logger) : BackgroundService
{
    private readonly ScheduledReportOptions _options = options.Value;

    /// <summary>The next time a schedule is due after <paramref name="now"/>.</summary>
    public static DateTimeOffset Next(ReportSchedule schedule, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
        var day = TimeZoneInfo.ConvertTime(now, zone).Date;
        for (var i = 0; ; i++)
        {
            var local = day.AddDays(i) + schedule.At;
            var due = new DateTimeOffset(local, zone.GetUtcOffset(local));
            if (due > now && (Weekly(schedule) is false || local.DayOfWeek == schedule.Day))
            {
                return due;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var due = _options.Schedules.Select(s => Next(s, time.GetUtcNow())).ToArray();
        while (!stoppingToken.IsCancellationRequested && due.Length > 0)
        {
            var next = due.Min();
            var wait = next - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stoppingToken);
            }

            for (var i = 0; i < due.Length; i++)
            {
                if (due[i] <= time.GetUtcNow())
                {
                    await SendAsync(_options.Schedules[i], due[i], stoppingToken);
                    due[i] = Next(_options.Schedules[i], due[i]);
                }
            }
        }
    }

    private async Task SendAsync(ReportSchedule schedule, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var request = new AuditReportRequest
        {
            Kind = Enum.Parse<AuditReportKind>(schedule.Kind, ignoreCase: true),
            Format = Enum.Parse<AuditReportFormat>(schedule.Format, ignoreCase: true),
            From = at.AddDays(-(schedule.Days ?? (Weekly(schedule) ? 7 : 1))),
            To = at,
            Tenant = schedule.Tenant is { Length: > 0 } t ? new AuditTenant(t.Split('/', 2)[0], t.Split('/', 2) is [_, var sub] ? sub : null) : null,
            PulledBy = "the report schedule",
        };
        try
        {
            var (integrity, verified) = TrailVerification.Summary(await TrailVerification.RunAsync(services, new AuditVerifyScope(request.From, request.To), cancellationToken));
            request = request with { Integrity = integrity, Verified = verified };
            using var report = new MemoryStream();
            await new AuditReports(reader, suspicious.Value, time).WriteAsync(request, report, null, cancellationToken);
            var period = $"{request.From.UtcDateTime:yyyy-MM-dd HH:mm} to {request.To.UtcDateTime:yyyy-MM-dd HH:mm} UTC";
            var body = new BodyBuilder { TextBody = $"The {schedule.Kind.ToLowerInvariant()} report of the audit trail, {period}, is attached.\n{integrity}\n" };
            body.Attachments.Add($"{request.Kind.ToString().ToLowerInvariant()}-{request.To.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{request.Format.ToString().ToLowerInvariant()}",
                report.ToArray(), ContentType.Parse(AuditReports.ContentType(request.Format)));
            var message = new MimeMessage { Subject = $"[audit] {request.Kind} report, {period}", Body = body.ToMessageBody() };
            message.From.Add(MailboxAddress.Parse(_options.From!));
            message.To.AddRange(schedule.To.Select(to => MailboxAddress.Parse(to)));
            await new AlertGate(time, TimeSpan.Zero, _options.Retries).SendAsync(ct => SmtpSender.SendAsync(_options, message, ct), cancellationToken);
            LogSent(request.Kind, schedule.To.Count, period);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(ex, request.Kind, at);
        }
    }

    private static bool Weekly(ReportSchedule schedule) => string.Equals(schedule.Every, "Weekly", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Sent the {Kind} report of {Period} to {Recipients} recipient(s).")]
    private partial void LogSent(AuditReportKind kind, int recipients, string period);

    [LoggerMessage(EventId = 31, Level = LogLevel.Error, Message = "The {Kind} report due at {Due} could not be sent; the next one comes as scheduled.")]
    private partial void LogFailed(Exception exception, AuditReportKind kind, DateTimeOffset due);
}
