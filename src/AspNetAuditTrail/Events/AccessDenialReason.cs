namespace AspNetAuditTrail.Events;

/// <summary>Why an app refused a call in its own tenant checks (see <see cref="IAuditLog.AccessDenied"/>).</summary>
public enum AccessDenialReason
{
    /// <summary>The caller has no tenant.</summary>
    NoTenant,

    /// <summary>The record belongs to another tenant.</summary>
    WrongTenant,

    /// <summary>The record belongs to another second level (client, licence) of the caller's tenant.</summary>
    WrongSubtenant,

    /// <summary>Another reason the app gives in the details.</summary>
    Other,
}
