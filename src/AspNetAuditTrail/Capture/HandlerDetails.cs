namespace AspNetAuditTrail.Capture;

/// <summary>What the audit filters saw the MVC action or minimal-API handler do; JSON values already masked.</summary>
internal sealed class HandlerDetails
{
    public string? Controller { get; set; }

    public string? Action { get; set; }

    public string? RouteValues { get; set; }

    public string? ActionArguments { get; set; }

    public string? ValidationErrors { get; set; }

    public string? ResultType { get; set; }

    public int? ResultStatusCode { get; set; }
}
