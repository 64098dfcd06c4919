using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Sample.Security;

/// <summary>The demo's alert sink: writes suspicious activity to the log (a real one might page someone).</summary>
public sealed partial class LoggingAlertSink(ILogger<LoggingAlertSink> logger) : IAuditAlertSink
{
    /// <inheritdoc />
    public Task AlertAsync(SecurityAuditEvent securityEvent, CancellationToken cancellationToken)
    {
        Alert(logger, securityEvent.EventType, securityEvent.Severity, securityEvent.IpAddress, securityEvent.Details);
        return Task.CompletedTask;
    }

    [LoggerMessage(1, LogLevel.Warning, "Security alert {EventType} ({Severity}) from {IpAddress}: {Details}")]
    private static partial void Alert(ILogger logger, SecurityEventType eventType, SecuritySeverity severity, string? ipAddress, string? details);
}
