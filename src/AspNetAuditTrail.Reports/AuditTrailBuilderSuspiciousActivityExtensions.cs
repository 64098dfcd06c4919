using AspNetAuditTrail.Configuration;
using AspNetAuditTrail.Reports;
using AspNetAuditTrail.Reports.Insights;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The rules of suspicious activity, and their scheduled detection.</summary>
public static class AuditTrailBuilderSuspiciousActivityExtensions
{
    /// <summary>
    /// Reads the rules of the suspicious-activity view and reports from <c>AuditTrail:Suspicious</c> (then
    /// <paramref name="configure"/>), and every <see cref="SuspiciousActivityOptions.DetectionInterval"/> tells the
    /// registered <see cref="AspNetAuditTrail.IAuditAlertSink"/>s of each new incident; settings are checked at start-up.
    /// </summary>
    public static AuditTrailBuilder AddSuspiciousActivityDetection(this AuditTrailBuilder builder, Action<SuspiciousActivityOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        const string Prefix = "AuditTrail:Suspicious:";
        var options = builder.Services.AddOptions<SuspiciousActivityOptions>();
        if (builder.Configuration is { } configuration)
        {
            options.Bind(configuration.GetSection("Suspicious"));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options
            .Validate(o => o.DetectionInterval >= TimeSpan.FromSeconds(1) && o.DetectionInterval <= TimeSpan.FromDays(7), Prefix + "DetectionInterval must be from 00:00:01 to 7.00:00:00.")
            .Validate(o => o.BruteForceThreshold >= 1 && o.ForbiddenThreshold >= 1 && o.UnusualVolumeMinimum >= 1 && o.UnusualVolumeFactor > 0 && o.BaselineDays is >= 1 and <= 90,
                Prefix + "thresholds must be at least 1, UnusualVolumeFactor above 0 and BaselineDays from 1 to 90.")
            .Validate(o => o.BruteForceWindow > TimeSpan.Zero && o.ForbiddenWindow > TimeSpan.Zero, Prefix + "windows must be longer than zero.")
            .Validate(o => Valid(o), Prefix + "TimeZone must be a time zone of this machine, WorkingDays days of the week, and the working hours within a day.")
            .ValidateOnStart();
        builder.Services.AddHostedService<SuspiciousActivityMonitor>();
        return builder;
    }

    private static bool Valid(SuspiciousActivityOptions options)
    {
        try
        {
            _ = new WorkingHours(options);
            return options.WorkingHoursStart >= TimeSpan.Zero && options.WorkingHoursEnd <= TimeSpan.FromDays(1) && options.WorkingHoursStart < options.WorkingHoursEnd;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
