using AspNetAuditTrail.Writing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the audit trail's health check.</summary>
public static class AuditTrailHealthChecksBuilderExtensions
{
    /// <summary>
    /// Checks that the audit store can be reached (failure status when it cannot, Unhealthy by default), and reports
    /// Degraded while events wait in the journal or the queue is more than 80 % full. Data: queue depth and
    /// capacity, journal bytes.
    /// </summary>
    public static IHealthChecksBuilder AddAuditTrail(
        this IHealthChecksBuilder builder, string name = "audit-trail", HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCheck<AuditTrailHealthCheck>(name, failureStatus, tags ?? []);
    }
}
