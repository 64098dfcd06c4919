namespace AspNetAuditTrail.Events;

/// <summary>How much a business event matters.</summary>
public enum AuditLevel
{
    /// <summary>Something that happened as expected.</summary>
    Info,

    /// <summary>Something worth a look.</summary>
    Warning,

    /// <summary>Something that went wrong.</summary>
    Error,

    /// <summary>Something that needs attention now.</summary>
    Critical,
}
