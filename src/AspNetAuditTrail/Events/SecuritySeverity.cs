namespace AspNetAuditTrail.Events;

/// <summary>How serious a security event is; stored by name.</summary>
public enum SecuritySeverity
{
    /// <summary>Worth keeping, nothing to act on.</summary>
    Info,

    /// <summary>Worth a look.</summary>
    Warning,

    /// <summary>Something failed that should not have.</summary>
    Error,

    /// <summary>Likely an attack: act now.</summary>
    Critical,
}
