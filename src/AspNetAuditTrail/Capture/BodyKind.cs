namespace AspNetAuditTrail.Capture;

/// <summary>How a body is read for the audit row.</summary>
internal enum BodyKind
{
    /// <summary>Not kept.</summary>
    Binary,

    /// <summary>JSON: secret properties masked at any depth.</summary>
    Json,

    /// <summary>application/x-www-form-urlencoded: secret fields masked.</summary>
    Form,

    /// <summary>Other text, kept as it is.</summary>
    Text,
}
