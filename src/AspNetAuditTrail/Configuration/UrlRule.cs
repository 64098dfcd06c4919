namespace AspNetAuditTrail.Configuration;

/// <summary>A path regular expression, optionally limited to one HTTP method.</summary>
public sealed class UrlRule
{
    /// <summary>Regular expression matched against the request path.</summary>
    public string Pattern { get; set; } = "";

    /// <summary>HTTP method the rule applies to (for example <c>POST</c>); empty or <c>ALL</c> for every method.</summary>
    public string? Method { get; set; }
}
