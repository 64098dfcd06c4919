using AspNetAuditTrail.Writing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the audit trail's health check.</summary>
public static class AuditTrailHealthChecksBuilderExtensions
{
    /// <summary>
    /// Reports what happened to the audit events: the failure status (Unhealthy by default) while events are being
    /// lost (dropped lately, the journal refused, the writer failing), Degraded while they go to the journal (the store
    /// unreachable or failing, the circuit open, events spilled or waiting) or the queue is more than 80 % full.
    /// The data names each fact: last write and its age, consecutive failed batches, circuit, spilled and dropped
    /// in the last five minutes, journal state and size, queue depth.
    /// </summary>
    public static IHealthChecksBuilder AddAuditTrail(
        this IHealthChecksBuilder builder, string name = "audit-trail", HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCheck<AuditTrailHealthCheck>(name, failureStatus, tags ?? []);
    }
}
