namespace AspNetAuditTrail.Reports.Reporting;

/// <summary>The reports <see cref="AuditReports"/> writes.</summary>
public enum AuditReportKind
{
    /// <summary>The requests of the period: summary charts, the slowest endpoints, every request.</summary>
    Activities,

    /// <summary>Volumes, error rates, top endpoints, sign-in success rate, security events, business events by category.</summary>
    Statistics,

    /// <summary>What the suspicious-activity rules find, each incident with who, from where, how many and when.</summary>
    Suspicious,

    /// <summary>Business processes with their steps, registrations and outcome.</summary>
    Processes,

    /// <summary>Security events: summary charts, then every event.</summary>
    Security,
}
