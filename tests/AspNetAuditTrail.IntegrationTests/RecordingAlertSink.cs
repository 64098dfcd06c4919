using System.Collections.Concurrent;
using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.IntegrationTests;

/// <summary>Keeps the alerts it is given.</summary>
public sealed class RecordingAlertSink : IAuditAlertSink
{
    public ConcurrentQueue<SecurityAuditEvent> Alerts { get; } = new();

    public Task AlertAsync(SecurityAuditEvent securityEvent, CancellationToken cancellationToken)
    {
        Alerts.Enqueue(securityEvent);
        return Task.CompletedTask;
    }
}
