namespace AspNetAuditTrail.Events;

/// <summary>The kinds of security event; stored by name.</summary>
public enum SecurityEventType
{
    /// <summary>A bearer token (or other credential) had expired.</summary>
    TokenExpired,

    /// <summary>A bearer token (or other credential) was invalid: bad signature, tampered, wrong issuer or audience.</summary>
    TokenInvalid,

    /// <summary>Authorization failed: 401 (not signed in) or 403 (signed in, not allowed).</summary>
    AccessDenied,

    /// <summary>Authorization succeeded (recorded only when <c>AuditAccessGranted</c> is on).</summary>
    AccessGranted,

    /// <summary>Repeated failed sign-ins for one user name or from one address.</summary>
    SuspiciousActivity,
}
