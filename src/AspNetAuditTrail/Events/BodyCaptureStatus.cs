namespace AspNetAuditTrail.Events;

/// <summary>What became of a request or response body; stored by name beside the body.</summary>
public enum BodyCaptureStatus
{
    /// <summary>There was no body.</summary>
    None,

    /// <summary>The whole body is stored (secret values masked).</summary>
    Captured,

    /// <summary>The body was longer than <c>MaxBodySize</c>: its start is stored.</summary>
    Truncated,

    /// <summary>The application did not read the request body, so nothing of it is stored.</summary>
    NotRead,

    /// <summary>The application read only part of the request body: that part is stored.</summary>
    PartiallyRead,

    /// <summary>The body was left out by configuration (a body opt-out rule).</summary>
    SkippedByRule,

    /// <summary>The body is not text (JSON, form, XML or text/*), so it is not stored.</summary>
    SkippedContentType,

    /// <summary>The body claimed to be JSON but could not be parsed, so it could not be masked and is not stored.</summary>
    Malformed,

    /// <summary>Processing the body failed unexpectedly (the error is logged); nothing of it is stored.</summary>
    CaptureFailed,
}
