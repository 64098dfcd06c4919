namespace AspNetAuditTrail.Configuration;

/// <summary>Whether a request waits for its audit row.</summary>
public enum AuditWriteMode
{
    /// <summary>The row is written in the background; the request never waits for the store.</summary>
    Background,

    /// <summary>The response is held until the row is written, and is 503 Service Unavailable when it cannot be.</summary>
    Synchronous,
}
