namespace AspNetAuditTrail.Events;

/// <summary>What a login row records; stored by name.</summary>
public enum LoginStatus
{
    /// <summary>A successful sign-in.</summary>
    SignIn,

    /// <summary>A sign-out.</summary>
    SignOut,

    /// <summary>A failed sign-in (the configured status code, or an exception).</summary>
    Failed,
}
