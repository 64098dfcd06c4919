using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Storage;

/// <summary>The product's tables as the writer fills them. The schema scripts in <c>sql/</c> define the same columns.</summary>
public static class AuditTables
{
    /// <summary>The name of the table that records which schema scripts were applied.</summary>
    public const string SchemaVersion = "audit_schema_version";

    /// <summary><c>request_audit_event</c>: one row per audited request.</summary>
    public static AuditTable<RequestAuditEvent> Request { get; } = new("request_audit_event",
    [
        new("id", AuditColumnType.Id, e => e.Id),
        new("occurred_at", AuditColumnType.Timestamp, e => e.OccurredAt),
        new("method", AuditColumnType.Text, e => e.Method),
        new("scheme", AuditColumnType.Text, e => e.Scheme),
        new("host", AuditColumnType.Text, e => e.Host),
        new("path", AuditColumnType.Text, e => e.Path),
        new("query_string", AuditColumnType.Text, e => e.QueryString),
        new("status_code", AuditColumnType.Int32, e => e.StatusCode),
        new("duration_ms", AuditColumnType.Double, e => e.DurationMs),
        new("response_size", AuditColumnType.Int64, e => e.ResponseSize),
        new("ip_address", AuditColumnType.Text, e => e.IpAddress),
        new("user_agent", AuditColumnType.Text, e => e.UserAgent),
        new("user_id", AuditColumnType.Text, e => e.UserId),
        new("request_content_type", AuditColumnType.Text, e => e.RequestContentType),
        new("request_body", AuditColumnType.Text, e => e.RequestBody),
        new("request_body_status", AuditColumnType.Text, e => e.RequestBodyStatus.ToString()),
        new("response_content_type", AuditColumnType.Text, e => e.ResponseContentType),
        new("response_body", AuditColumnType.Text, e => e.ResponseBody),
        new("response_body_status", AuditColumnType.Text, e => e.ResponseBodyStatus.ToString()),
        new("error_type", AuditColumnType.Text, e => e.ErrorType),
        new("error_message", AuditColumnType.Text, e => e.ErrorMessage),
        new("error_stacktrace", AuditColumnType.Text, e => e.ErrorStackTrace),
        new("extra_information", AuditColumnType.Json, e => e.ExtraInformation),
        new("trace_id", AuditColumnType.Text, e => e.TraceId),
        new("request_id", AuditColumnType.Text, e => e.RequestId),
        new("controller", AuditColumnType.Text, e => e.Controller),
        new("action", AuditColumnType.Text, e => e.Action),
        new("route_template", AuditColumnType.Text, e => e.RouteTemplate),
        new("route_values", AuditColumnType.Json, e => e.RouteValues),
        new("action_arguments", AuditColumnType.Json, e => e.ActionArguments),
        new("validation_errors", AuditColumnType.Json, e => e.ValidationErrors),
        new("result_type", AuditColumnType.Text, e => e.ResultType),
        new("result_status_code", AuditColumnType.Int32, e => e.ResultStatusCode),
    ]);
}
