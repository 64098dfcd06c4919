using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Reports.Insights;

/// <summary>One incident the suspicious-activity rules found: what, who or from where, how many rows, when, and in words.</summary>
internal sealed record SuspiciousFinding(
    SuspiciousKind Kind, SecuritySeverity Severity, string? User, string? IpAddress, long Count, DateTimeOffset First, DateTimeOffset Last, string Description)
{
    /// <summary>The finding as the security event alert sinks are given.</summary>
    public SecurityAuditEvent ToAlert() => new()
    {
        Id = Guid.CreateVersion7(),
        OccurredAt = Last,
        EventType = SecurityEventType.SuspiciousActivity,
        Severity = Severity,
        UserName = User,
        IpAddress = IpAddress,
        Details = $"{Kind}: {Description}",
    };
}
