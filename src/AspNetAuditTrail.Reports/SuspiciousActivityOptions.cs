namespace AspNetAuditTrail.Reports;

/// <summary>
/// The rules of the suspicious-activity view, report and scheduled detection (section <c>AuditTrail:Suspicious</c> in
/// the sample). Lists are comma-separated, so that configuration replaces them rather than adding to them.
/// </summary>
public sealed class SuspiciousActivityOptions
{
    /// <summary>Failed sign-ins for one user name, or from one address, within <see cref="BruteForceWindow"/> that count as brute force. Default 5.</summary>
    public int BruteForceThreshold { get; set; } = 5;

    /// <summary>The window of <see cref="BruteForceThreshold"/>. Default 15 minutes.</summary>
    public TimeSpan BruteForceWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>403 answers to one user within <see cref="ForbiddenWindow"/> that count as probing. Default 20.</summary>
    public int ForbiddenThreshold { get; set; } = 20;

    /// <summary>The window of <see cref="ForbiddenThreshold"/>. Default 1 hour.</summary>
    public TimeSpan ForbiddenWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A user's requests in a day count as unusual at this many times their daily average over <see cref="BaselineDays"/>. Default 3.</summary>
    public double UnusualVolumeFactor { get; set; } = 3;

    /// <summary>Fewer requests than this in a day are never unusual. Default 100.</summary>
    public int UnusualVolumeMinimum { get; set; } = 100;

    /// <summary>The days before each day that make a user's usual volume. Default 14.</summary>
    public int BaselineDays { get; set; } = 14;

    /// <summary>Paths of administrative actions (<c>*</c> = any characters), comma-separated. Default <c>/admin/*,/audit/*</c>.</summary>
    public string AdministrativePaths { get; set; } = "/admin/*,/audit/*";

    /// <summary>Working days, comma-separated. Default Monday to Friday.</summary>
    public string WorkingDays { get; set; } = "Monday,Tuesday,Wednesday,Thursday,Friday";

    /// <summary>When the working day starts, in <see cref="TimeZone"/>. Default 08:00.</summary>
    public TimeSpan WorkingHoursStart { get; set; } = TimeSpan.FromHours(8);

    /// <summary>When the working day ends, in <see cref="TimeZone"/>. Default 18:00.</summary>
    public TimeSpan WorkingHoursEnd { get; set; } = TimeSpan.FromHours(18);

    /// <summary>The time zone of the working hours (an IANA or Windows id). Default UTC.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>How often scheduled detection looks at the time since its last look and alerts (<c>AddSuspiciousActivityDetection</c>). Default 4 hours.</summary>
    public TimeSpan DetectionInterval { get; set; } = TimeSpan.FromHours(4);
}
