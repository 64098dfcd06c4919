namespace AspNetAuditTrail.Reports.Reporting;

/// <summary>Which report to write: its kind and format, its period, optionally one user and one tenant, and what its PDF header says.</summary>
public sealed record AuditReportRequest
{
    /// <summary>The report.</summary>
    public required AuditReportKind Kind { get; init; }

    /// <summary>The format. Default PDF.</summary>
    public AuditReportFormat Format { get; init; } = AuditReportFormat.Pdf;

    /// <summary>The period's start (inclusive).</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>The period's end (exclusive).</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>Only this user's rows; null for everyone.</summary>
    public string? UserId { get; init; }

    /// <summary>Only this tenant's rows; null for every tenant.</summary>
    public AuditTenant? Tenant { get; init; }

    /// <summary>Who pulled the report, for its header.</summary>
    public string PulledBy { get; init; } = "audit-trail";

    /// <summary>The header's line on integrity: what verification of the period says.</summary>
    public string Integrity { get; init; } = "Integrity: not checked by this report (audit-trail verify checks the trail).";

    /// <summary>Whether <see cref="Integrity"/> is good news (drawn green, otherwise red).</summary>
    public bool Verified { get; init; }
}
