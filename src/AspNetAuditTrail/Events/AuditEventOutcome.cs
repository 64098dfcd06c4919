namespace AspNetAuditTrail.Events;

/// <summary>Whether what a business event records worked.</summary>
public enum AuditEventOutcome
{
    /// <summary>It worked.</summary>
    Success,

    /// <summary>It did not.</summary>
    Failure,
}
