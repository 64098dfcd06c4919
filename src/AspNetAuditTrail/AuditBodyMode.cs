namespace AspNetAuditTrail;

/// <summary>Whether an endpoint's request or response body is stored, set with <see cref="AuditAttribute"/>.</summary>
public enum AuditBodyMode
{
    /// <summary>As the settings say (<c>SkipRequestBodyUrls</c> / <c>SkipResponseBodyUrls</c>).</summary>
    Inherit,

    /// <summary>Stored (text bodies only, masked, capped), whatever the URL rules say.</summary>
    Capture,

    /// <summary>Never stored.</summary>
    Skip,
}
