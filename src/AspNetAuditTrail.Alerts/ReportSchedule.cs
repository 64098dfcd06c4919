namespace AspNetAuditTrail.Alerts;

/// <summary>One report sent by e-mail on a schedule (an item of <c>AuditTrail:Reports:Schedules</c>).</summary>
public sealed class ReportSchedule
{
    /// <summary>The report: <c>Activities</c>, <c>Statistics</c> (the default), <c>Suspicious</c>, <c>Processes</c> or <c>Security</c>.</summary>
    public string Kind { get; set; } = "Statistics";

    /// <summary>The attachment's format: <c>Pdf</c> (the default), <c>Csv</c> or <c>Json</c>.</summary>
    public string Format { get; set; } = "Pdf";

    /// <summary><c>Daily</c> (the default) or <c>Weekly</c>.</summary>
    public string Every { get; set; } = "Daily";

    /// <summary>The time of day it is sent, in <see cref="TimeZone"/>. Default 07:00.</summary>
    public TimeSpan At { get; set; } = TimeSpan.FromHours(7);

    /// <summary>The day a weekly report is sent. Default Monday.</summary>
    public DayOfWeek Day { get; set; } = DayOfWeek.Monday;

    /// <summary>The time zone of <see cref="At"/> (an IANA or Windows id). Default UTC.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The days the report covers, up to the time it is sent. Default 1 for daily, 7 for weekly.</summary>
    public int? Days { get; set; }

    /// <summary>Only this tenant's rows (<c>acme</c> or <c>acme/client-7</c>); every tenant when not set.</summary>
    public string? Tenant { get; set; }

    /// <summary>The recipients. At least one.</summary>
    public List<string> To { get; set; } = [];
}
