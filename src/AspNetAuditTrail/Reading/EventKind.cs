namespace AspNetAuditTrail.Reading;

/// <summary>Which requests a query selects, by the rows linked to them.</summary>
public enum EventKind
{
    /// <summary>Every request.</summary>
    Request,

    /// <summary>Requests with a sign-in, sign-out or failed sign-in.</summary>
    Login,

    /// <summary>Requests with a security event.</summary>
    Security,

    /// <summary>Requests that ran a business process.</summary>
    Process,
}
