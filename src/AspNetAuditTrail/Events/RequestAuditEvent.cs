using System.Text.Json.Serialization;

namespace AspNetAuditTrail.Events;

/// <summary>One audited HTTP request: a row of <c>request_audit_event</c>.</summary>
public sealed class RequestAuditEvent : IAuditEvent
{
    /// <summary>Time-ordered id (UUID version 7) made by the application.</summary>
    public required Guid Id { get; init; }

    /// <summary>When the request arrived (UTC).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <inheritdoc />
    public string? ServiceName { get; init; }

    /// <inheritdoc />
    public string? TenantId { get; init; }

    /// <inheritdoc />
    public string? SubtenantId { get; init; }

    /// <inheritdoc />
    public DateTimeOffset? AnonymizedAt { get; init; }

    /// <inheritdoc />
    [JsonInclude]
    public AuditSeal? Seal { get; internal set; }

    /// <summary>HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>Request scheme (http or https).</summary>
    public required string Scheme { get; init; }

    /// <summary>Host header value.</summary>
    public string? Host { get; init; }

    /// <summary>Request path (path base included).</summary>
    public required string Path { get; init; }

    /// <summary>Query string without the leading '?', secret values masked; null when there was none.</summary>
    public string? QueryString { get; init; }

    /// <summary>Response status code.</summary>
    public required int StatusCode { get; init; }

    /// <summary>Time from the request's arrival to the end of the response, in milliseconds.</summary>
    public required double DurationMs { get; init; }

    /// <summary>Bytes of response body sent.</summary>
    public long? ResponseSize { get; init; }

    /// <summary>Client address as ASP.NET Core sees it (<c>Connection.RemoteIpAddress</c>).</summary>
    public string? IpAddress { get; init; }

    /// <summary>User-Agent header value.</summary>
    public string? UserAgent { get; init; }

    /// <summary>Id of the authenticated user, or the one the handler set.</summary>
    public string? UserId { get; init; }

    /// <summary>Request Content-Type.</summary>
    public string? RequestContentType { get; init; }

    /// <summary>Request body text (masked, possibly truncated), or null.</summary>
    public string? RequestBody { get; init; }

    /// <summary>What became of the request body.</summary>
    public required BodyCaptureStatus RequestBodyStatus { get; init; }

    /// <summary>Response Content-Type.</summary>
    public string? ResponseContentType { get; init; }

    /// <summary>Response body text (masked, possibly truncated), or null.</summary>
    public string? ResponseBody { get; init; }

    /// <summary>What became of the response body.</summary>
    public required BodyCaptureStatus ResponseBodyStatus { get; init; }

    /// <summary>Full type name of the unhandled exception, if any.</summary>
    public string? ErrorType { get; init; }

    /// <summary>Message of the unhandled exception.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Stack trace of the unhandled exception, inner exceptions included.</summary>
    public string? ErrorStackTrace { get; init; }

    /// <summary>JSON object of what handlers set through <see cref="IAuditContext"/>, or null.</summary>
    public string? ExtraInformation { get; init; }

    /// <summary>W3C trace id of the request's Activity.</summary>
    public string? TraceId { get; init; }

    /// <summary><c>HttpContext.TraceIdentifier</c>.</summary>
    public string? RequestId { get; init; }

    /// <summary>MVC controller name (audit filter).</summary>
    public string? Controller { get; init; }

    /// <summary>MVC action name, or the minimal-API endpoint's display name (audit filter).</summary>
    public string? Action { get; init; }

    /// <summary>The route template of the endpoint that handled the request.</summary>
    public string? RouteTemplate { get; init; }

    /// <summary>JSON object of the route values, secrets masked (audit filter).</summary>
    public string? RouteValues { get; init; }

    /// <summary>JSON object of the handler's data arguments, secrets masked, size-bounded (audit filter).</summary>
    public string? ActionArguments { get; init; }

    /// <summary>JSON object of model-validation errors by field, when the input was invalid (audit filter).</summary>
    public string? ValidationErrors { get; init; }

    /// <summary>The type of the handler's result, for example <c>Created&lt;Product&gt;</c> (audit filter).</summary>
    public string? ResultType { get; init; }

    /// <summary>The status code the handler's result asked for (audit filter).</summary>
    public int? ResultStatusCode { get; init; }
}
