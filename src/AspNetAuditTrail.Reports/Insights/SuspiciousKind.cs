namespace AspNetAuditTrail.Reports.Insights;

/// <summary>The patterns the suspicious-activity rules look for.</summary>
internal enum SuspiciousKind
{
    /// <summary>Many failed sign-ins for one user name.</summary>
    BruteForceUser,

    /// <summary>Many failed sign-ins from one address.</summary>
    BruteForceAddress,

    /// <summary>A user reached for another tenant's records.</summary>
    CrossTenant,

    /// <summary>Many 403 answers to one user.</summary>
    ManyForbidden,

    /// <summary>Far more requests from one user in a day than they usually make.</summary>
    UnusualVolume,

    /// <summary>Administrative actions outside working hours.</summary>
    OutsideWorkingHours,
}
