using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Relational;

/// <summary>The reading half of <see cref="AuditTables"/>: each table's row back into its event record, column by column.</summary>
public static partial class AuditTables
{
    private static RequestAuditEvent ReadRequest(AuditRow row) => new()
    {
        Id = row.Required<Guid>("id"),
        OccurredAt = row.Required<DateTimeOffset>("occurred_at"),
        ServiceName = row.Text("service_name"),
        TenantId = row.Text("tenant_id"),
        SubtenantId = row.Text("subtenant_id"),
        AnonymizedAt = row.Optional<DateTimeOffset>("anonymized_at"),
        Method = row.Required<string>("method"),
        Scheme = row.Required<string>("scheme"),
        Host = row.Text("host"),
        Path = row.Required<string>("path"),
        QueryString = row.Text("query_string"),
        StatusCode = row.Int32("status_code"),
        DurationMs = row.Required<double>("duration_ms"),
        ResponseSize = row.Optional<long>("response_size"),
        IpAddress = row.Text("ip_address"),
        UserAgent = row.Text("user_agent"),
        UserId = row.Text("user_id"),
        RequestContentType = row.Text("request_content_type"),
        RequestBody = row.Text("request_body"),
        RequestBodyStatus = row.Enum<BodyCaptureStatus>("request_body_status"),
        ResponseContentType = row.Text("response_content_type"),
        ResponseBody = row.Text("response_body"),
        ResponseBodyStatus = row.Enum<BodyCaptureStatus>("response_body_status"),
        ErrorType = row.Text("error_type"),
        ErrorMessage = row.Text("error_message"),
        ErrorStackTrace = row.Text("error_stacktrace"),
        ExtraInformation = row.Text("extra_information"),
        TraceId = row.Text("trace_id"),
        RequestId = row.Text("request_id"),
        Controller = row.Text("controller"),
        Action = row.Text("action"),
        RouteTemplate = row.Text("route_template"),
        RouteValues = row.Text("route_values"),
        ActionArguments = row.Text("action_arguments"),
        ValidationErrors = row.Text("validation_errors"),
        ResultType = row.Text("result_type"),
        ResultStatusCode = row.OptionalInt32("result_status_code"),
    };

    private static LoginAuditEvent ReadLogin(AuditRow row) => new()
    {
        Id = row.Required<Guid>("id"),
        OccurredAt = row.Required<DateTimeOffset>("occurred_at"),
        ServiceName = row.Text("service_name"),
        TenantId = row.Text("tenant_id"),
        SubtenantId = row.Text("subtenant_id"),
        AnonymizedAt = row.Optional<DateTimeOffset>("anonymized_at"),
        RequestEventId = row.Optional<Guid>("request_event_id"),
        Status = row.Enum<LoginStatus>("status"),
        UserName = row.Text("user_name"),
        UserId = row.Text("user_id"),
        IpAddress = row.Text("ip_address"),
        ExtraInformation = row.Text("extra_information"),
    };

    private static SecurityAuditEvent ReadSecurity(AuditRow row) => new()
    {
        Id = row.Required<Guid>("id"),
        OccurredAt = row.Required<DateTimeOffset>("occurred_at"),
        ServiceName = row.Text("service_name"),
        TenantId = row.Text("tenant_id"),
        SubtenantId = row.Text("subtenant_id"),
        AnonymizedAt = row.Optional<DateTimeOffset>("anonymized_at"),
        RequestEventId = row.Optional<Guid>("request_event_id"),
        EventType = row.Enum<SecurityEventType>("event_type"),
        Severity = row.Enum<SecuritySeverity>("severity"),
        UserId = row.Text("user_id"),
        UserName = row.Text("user_name"),
        IpAddress = row.Text("ip_address"),
        Endpoint = row.Text("endpoint"),
        Details = row.Text("details"),
    };

    private static ProcessAuditEvent ReadProcess(AuditRow row) => new()
    {
        Id = row.Required<Guid>("id"),
        OccurredAt = row.Required<DateTimeOffset>("occurred_at"),
        ServiceName = row.Text("service_name"),
        TenantId = row.Text("tenant_id"),
        SubtenantId = row.Text("subtenant_id"),
        AnonymizedAt = row.Optional<DateTimeOffset>("anonymized_at"),
        RequestEventId = row.Optional<Guid>("request_event_id"),
        Name = row.Required<string>("name"),
        Description = row.Text("description"),
        CreatedBy = row.Text("created_by"),
        ExtraInformation = row.Text("extra_information"),
    };

    private static StepAuditEvent ReadStep(AuditRow row) => new()
    {
        Id = row.Required<Guid>("id"),
        OccurredAt = row.Required<DateTimeOffset>("occurred_at"),
        ServiceName = row.Text("service_name"),
        TenantId = row.Text("tenant_id"),
        SubtenantId = row.Text("subtenant_id"),
        AnonymizedAt = row.Optional<DateTimeOffset>("anonymized_at"),
        ProcessId = row.Required<Guid>("process_id"),
        Name = row.Required<string>("name"),
        Description = row.Text("description"),
        Order = row.Int32("step_order"),
        ExpectedRegistrations = row.Int32("expected_registrations"),
        CreatedBy = row.Text("created_by"),
    };

    private static RegistrationAuditEvent ReadRegistration(AuditRow row) => new()
    {
        Id = row.Required<Guid>("id"),
        OccurredAt = row.Required<DateTimeOffset>("occurred_at"),
        ServiceName = row.Text("service_name"),
        TenantId = row.Text("tenant_id"),
        SubtenantId = row.Text("subtenant_id"),
        AnonymizedAt = row.Optional<DateTimeOffset>("anonymized_at"),
        StepId = row.Required<Guid>("step_id"),
        Success = row.Required<bool>("success"),
        Name = row.Text("name"),
        Description = row.Text("description"),
        CreatedBy = row.Text("created_by"),
    };

    private static BusinessAuditEvent ReadBusinessEvent(AuditRow row) => new()
    {
        Id = row.Required<Guid>("id"),
        OccurredAt = row.Required<DateTimeOffset>("occurred_at"),
        ReceivedAt = row.Required<DateTimeOffset>("received_at"),
        ServiceName = row.Text("service_name"),
        TenantId = row.Text("tenant_id"),
        SubtenantId = row.Text("subtenant_id"),
        AnonymizedAt = row.Optional<DateTimeOffset>("anonymized_at"),
        Level = row.Enum<AuditLevel>("level"),
        Category = row.Required<string>("category"),
        Action = row.Required<string>("action"),
        Message = row.Text("message"),
        Outcome = row.Text("outcome") is null ? null : row.Enum<AuditEventOutcome>("outcome"),
        UserKey = row.Text("user_key"),
        UserId = row.Text("user_id"),
        SessionId = row.Text("session_id"),
        ResourceType = row.Text("resource_type"),
        ResourceId = row.Text("resource_id"),
        Input = row.Text("input"),
        Output = row.Text("output"),
        Metadata = row.Text("metadata"),
        ErrorCode = row.Text("error_code"),
        ErrorMessage = row.Text("error_message"),
        StackTrace = row.Text("stack_trace"),
        DurationMs = row.Optional<double>("duration_ms"),
        RequestEventId = row.Optional<Guid>("request_event_id"),
        TraceId = row.Text("trace_id"),
        IpAddress = row.Text("ip_address"),
    };

    private static EntityChangeAuditEvent ReadEntityChange(AuditRow row) => new()
    {
        Id = row.Required<Guid>("id"),
        OccurredAt = row.Required<DateTimeOffset>("occurred_at"),
        ServiceName = row.Text("service_name"),
        TenantId = row.Text("tenant_id"),
        SubtenantId = row.Text("subtenant_id"),
        AnonymizedAt = row.Optional<DateTimeOffset>("anonymized_at"),
        RequestEventId = row.Optional<Guid>("request_event_id"),
        ProcessId = row.Optional<Guid>("process_id"),
        UserId = row.Text("user_id"),
        EntityType = row.Required<string>("entity_type"),
        TableName = row.Text("table_name"),
        EntityId = row.Required<string>("entity_id"),
        Action = row.Enum<EntityChangeAction>("action"),
        Before = row.Text("before"),
        After = row.Text("after"),
        ChangedFields = row.Text("changed_fields"),
        Source = row.Enum<EntityChangeSource>("source"),
        TransactionId = row.Text("transaction_id"),
    };
}
