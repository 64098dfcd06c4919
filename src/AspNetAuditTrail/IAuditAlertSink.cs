using AspNetAuditTrail.Events;

namespace AspNetAuditTrail;

/// <summary>
/// Told about security events that call for action (<see cref="SecurityEventType.SuspiciousActivity"/>), in the
/// background: a slow or failing sink never delays or breaks a request. Register any number of them in DI.
/// </summary>
public interface IAuditAlertSink
{
    /// <summary>Handles one alert (send a message, page someone, block an address...).</summary>
    Task AlertAsync(SecurityAuditEvent securityEvent, CancellationToken cancellationToken);
}
