namespace AspNetAuditTrail.Alerts;

/// <summary>Reports e-mailed on a schedule (<c>AuditTrail:Reports</c>): the SMTP server, and the schedules.</summary>
public sealed class ScheduledReportOptions : SmtpOptions
{
    /// <summary>The reports and when they are sent.</summary>
    public List<ReportSchedule> Schedules { get; set; } = [];

    /// <summary>Tries again after a failed send, waiting 1, 2, 4... seconds. Default 3.</summary>
    public int Retries { get; set; } = 3;
}
