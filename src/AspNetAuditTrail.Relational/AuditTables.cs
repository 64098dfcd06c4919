using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Relational;

/// <summary>The product's tables as the writer fills them. The schema scripts in <c>sql/</c> define the same columns.</summary>
public static partial class AuditTables
{
    /// <summary>The name of the table that records which schema scripts were applied.</summary>
    public const string SchemaVersion = "audit_schema_version";

    /// <summary>The name of the table of leases (one app instance at a time runs a job such as retention).</summary>
    public const string Lease = "audit_lease";

    /// <summary>The name of the table of signed checkpoints of the rows' hash chains.</summary>
    public const string Checkpoint = "audit_checkpoint";

    /// <summary><c>request_audit_event</c>: one row per audited request.</summary>
    public static AuditTable<RequestAuditEvent> Request { get; } = new("request_audit_event",
    [
        new("id", AuditColumnType.Id, e => e.Id),
        new("occurred_at", AuditColumnType.Timestamp, e => e.OccurredAt),
        new("method", AuditColumnType.Text, e => e.Method, 32),
        new("scheme", AuditColumnType.Text, e => e.Scheme, 16),
        new("host", AuditColumnType.Text, e => e.Host, 255),
        new("path", AuditColumnType.Text, e => e.Path, 2048, AuditPersonalData.Segments),
        new("query_string", AuditColumnType.Text, e => e.QueryString, 0, AuditPersonalData.Content),
        new("status_code", AuditColumnType.Int32, e => e.StatusCode),
        new("duration_ms", AuditColumnType.Double, e => e.DurationMs),
        new("response_size", AuditColumnType.Int64, e => e.ResponseSize),
        new("ip_address", AuditColumnType.Text, e => e.IpAddress, 64, AuditPersonalData.Identifier),
        new("user_agent", AuditColumnType.Text, e => e.UserAgent, 512, AuditPersonalData.Identifier),
        new("user_id", AuditColumnType.Text, e => e.UserId, 256, AuditPersonalData.Subject),
        new("request_content_type", AuditColumnType.Text, e => e.RequestContentType, 255),
        new("request_body", AuditColumnType.Text, e => e.RequestBody, 0, AuditPersonalData.Content),
        new("request_body_status", AuditColumnType.Text, e => e.RequestBodyStatus.ToString(), 32),
        new("response_content_type", AuditColumnType.Text, e => e.ResponseContentType, 255),
        new("response_body", AuditColumnType.Text, e => e.ResponseBody, 0, AuditPersonalData.Content),
        new("response_body_status", AuditColumnType.Text, e => e.ResponseBodyStatus.ToString(), 32),
        new("error_type", AuditColumnType.Text, e => e.ErrorType, 512),
        new("error_message", AuditColumnType.Text, e => e.ErrorMessage),
        new("error_stacktrace", AuditColumnType.Text, e => e.ErrorStackTrace),
        new("extra_information", AuditColumnType.Json, e => e.ExtraInformation, 0, AuditPersonalData.Content),
        new("trace_id", AuditColumnType.Text, e => e.TraceId, 32),
        new("request_id", AuditColumnType.Text, e => e.RequestId, 128),
        new("controller", AuditColumnType.Text, e => e.Controller, 256),
        new("action", AuditColumnType.Text, e => e.Action, 512),
        new("route_template", AuditColumnType.Text, e => e.RouteTemplate, 400),
        new("route_values", AuditColumnType.Json, e => e.RouteValues, 0, AuditPersonalData.Content),
        new("action_arguments", AuditColumnType.Json, e => e.ActionArguments, 0, AuditPersonalData.Content),
        new("validation_errors", AuditColumnType.Json, e => e.ValidationErrors, 0, AuditPersonalData.Content),
        new("result_type", AuditColumnType.Text, e => e.ResultType, 512),
        new("result_status_code", AuditColumnType.Int32, e => e.ResultStatusCode),
        new("service_name", AuditColumnType.Text, e => e.ServiceName, 128),
        new("tenant_id", AuditColumnType.Text, e => e.TenantId, 128),
        new("subtenant_id", AuditColumnType.Text, e => e.SubtenantId, 128),
        new("anonymized_at", AuditColumnType.Timestamp, e => e.AnonymizedAt),
    ], ReadRequest);

    /// <summary><c>login_audit_event</c>: sign-ins, sign-outs and failed sign-ins.</summary>
    public static AuditTable<LoginAuditEvent> Login { get; } = new("login_audit_event",
    [
        new("id", AuditColumnType.Id, e => e.Id),
        new("occurred_at", AuditColumnType.Timestamp, e => e.OccurredAt),
        new("request_event_id", AuditColumnType.Id, e => e.RequestEventId),
        new("status", AuditColumnType.Text, e => e.Status.ToString(), 16),
        new("user_name", AuditColumnType.Text, e => e.UserName, 256, AuditPersonalData.Subject),
        new("user_id", AuditColumnType.Text, e => e.UserId, 256, AuditPersonalData.Subject),
        new("ip_address", AuditColumnType.Text, e => e.IpAddress, 64, AuditPersonalData.Identifier),
        new("extra_information", AuditColumnType.Json, e => e.ExtraInformation, 0, AuditPersonalData.Content),
        new("service_name", AuditColumnType.Text, e => e.ServiceName, 128),
        new("tenant_id", AuditColumnType.Text, e => e.TenantId, 128),
        new("subtenant_id", AuditColumnType.Text, e => e.SubtenantId, 128),
        new("anonymized_at", AuditColumnType.Timestamp, e => e.AnonymizedAt),
    ], ReadLogin);

    /// <summary><c>security_audit_event</c>: token failures, access denied or granted, suspicious activity.</summary>
    public static AuditTable<SecurityAuditEvent> Security { get; } = new("security_audit_event",
    [
        new("id", AuditColumnType.Id, e => e.Id),
        new("occurred_at", AuditColumnType.Timestamp, e => e.OccurredAt),
        new("request_event_id", AuditColumnType.Id, e => e.RequestEventId),
        new("event_type", AuditColumnType.Text, e => e.EventType.ToString(), 32),
        new("severity", AuditColumnType.Text, e => e.Severity.ToString(), 16),
        new("user_id", AuditColumnType.Text, e => e.UserId, 256, AuditPersonalData.Subject),
        new("user_name", AuditColumnType.Text, e => e.UserName, 256, AuditPersonalData.Subject),
        new("ip_address", AuditColumnType.Text, e => e.IpAddress, 64, AuditPersonalData.Identifier),
        new("endpoint", AuditColumnType.Text, e => e.Endpoint, 512, AuditPersonalData.Segments),
        new("details", AuditColumnType.Json, e => e.Details, 0, AuditPersonalData.Content),
        new("service_name", AuditColumnType.Text, e => e.ServiceName, 128),
        new("tenant_id", AuditColumnType.Text, e => e.TenantId, 128),
        new("subtenant_id", AuditColumnType.Text, e => e.SubtenantId, 128),
        new("anonymized_at", AuditColumnType.Timestamp, e => e.AnonymizedAt),
    ], ReadSecurity);

    /// <summary><c>process_audit_event</c>: business processes.</summary>
    public static AuditTable<ProcessAuditEvent> Process { get; } = new("process_audit_event",
    [
        new("id", AuditColumnType.Id, e => e.Id),
        new("occurred_at", AuditColumnType.Timestamp, e => e.OccurredAt),
        new("request_event_id", AuditColumnType.Id, e => e.RequestEventId),
        new("name", AuditColumnType.Text, e => e.Name, 255),
        new("description", AuditColumnType.Text, e => e.Description),
        new("created_by", AuditColumnType.Text, e => e.CreatedBy, 256, AuditPersonalData.Subject),
        new("extra_information", AuditColumnType.Json, e => e.ExtraInformation, 0, AuditPersonalData.Content),
        new("service_name", AuditColumnType.Text, e => e.ServiceName, 128),
        new("tenant_id", AuditColumnType.Text, e => e.TenantId, 128),
        new("subtenant_id", AuditColumnType.Text, e => e.SubtenantId, 128),
        new("anonymized_at", AuditColumnType.Timestamp, e => e.AnonymizedAt),
    ], ReadProcess);

    /// <summary><c>step_audit_event</c>: the steps of processes.</summary>
    public static AuditTable<StepAuditEvent> Step { get; } = new("step_audit_event",
    [
        new("id", AuditColumnType.Id, e => e.Id),
        new("occurred_at", AuditColumnType.Timestamp, e => e.OccurredAt),
        new("process_id", AuditColumnType.Id, e => e.ProcessId),
        new("name", AuditColumnType.Text, e => e.Name, 255),
        new("description", AuditColumnType.Text, e => e.Description),
        new("step_order", AuditColumnType.Int32, e => e.Order),
        new("expected_registrations", AuditColumnType.Int32, e => e.ExpectedRegistrations),
        new("created_by", AuditColumnType.Text, e => e.CreatedBy, 256, AuditPersonalData.Subject),
        new("service_name", AuditColumnType.Text, e => e.ServiceName, 128),
        new("tenant_id", AuditColumnType.Text, e => e.TenantId, 128),
        new("subtenant_id", AuditColumnType.Text, e => e.SubtenantId, 128),
        new("anonymized_at", AuditColumnType.Timestamp, e => e.AnonymizedAt),
    ], ReadStep);

    /// <summary><c>registration_audit_event</c>: the registrations of steps.</summary>
    public static AuditTable<RegistrationAuditEvent> Registration { get; } = new("registration_audit_event",
    [
        new("id", AuditColumnType.Id, e => e.Id),
        new("occurred_at", AuditColumnType.Timestamp, e => e.OccurredAt),
        new("step_id", AuditColumnType.Id, e => e.StepId),
        new("success", AuditColumnType.Boolean, e => e.Success),
        new("name", AuditColumnType.Text, e => e.Name, 255),
        new("description", AuditColumnType.Text, e => e.Description),
        new("created_by", AuditColumnType.Text, e => e.CreatedBy, 256, AuditPersonalData.Subject),
        new("service_name", AuditColumnType.Text, e => e.ServiceName, 128),
        new("tenant_id", AuditColumnType.Text, e => e.TenantId, 128),
        new("subtenant_id", AuditColumnType.Text, e => e.SubtenantId, 128),
        new("anonymized_at", AuditColumnType.Timestamp, e => e.AnonymizedAt),
    ], ReadRegistration);

    /// <summary><c>audit_event</c>: business events, what the application did in its own terms.</summary>
    public static AuditTable<BusinessAuditEvent> BusinessEvent { get; } = new("audit_event",
    [
        new("id", AuditColumnType.Id, e => e.Id),
        new("occurred_at", AuditColumnType.Timestamp, e => e.OccurredAt),
        new("received_at", AuditColumnType.Timestamp, e => e.ReceivedAt),
        new("service_name", AuditColumnType.Text, e => e.ServiceName, 128),
        new("level", AuditColumnType.Text, e => e.Level.ToString(), 16),
        new("category", AuditColumnType.Text, e => e.Category, 64),
        new("action", AuditColumnType.Text, e => e.Action, 128),
        new("message", AuditColumnType.Text, e => e.Message),
        new("outcome", AuditColumnType.Text, e => e.Outcome?.ToString(), 16),
        new("user_key", AuditColumnType.Text, e => e.UserKey, 256, AuditPersonalData.Subject),
        new("user_id", AuditColumnType.Text, e => e.UserId, 256, AuditPersonalData.Subject),
        new("session_id", AuditColumnType.Text, e => e.SessionId, 128, AuditPersonalData.Identifier),
        new("resource_type", AuditColumnType.Text, e => e.ResourceType, 128),
        new("resource_id", AuditColumnType.Text, e => e.ResourceId, 256),
        new("input", AuditColumnType.Json, e => e.Input, 0, AuditPersonalData.Content),
        new("output", AuditColumnType.Json, e => e.Output, 0, AuditPersonalData.Content),
        new("metadata", AuditColumnType.Json, e => e.Metadata, 0, AuditPersonalData.Content),
        new("error_code", AuditColumnType.Text, e => e.ErrorCode, 64),
        new("error_message", AuditColumnType.Text, e => e.ErrorMessage),
        new("stack_trace", AuditColumnType.Text, e => e.StackTrace),
        new("duration_ms", AuditColumnType.Double, e => e.DurationMs),
        new("request_event_id", AuditColumnType.Id, e => e.RequestEventId),
        new("trace_id", AuditColumnType.Text, e => e.TraceId, 32),
        new("ip_address", AuditColumnType.Text, e => e.IpAddress, 64, AuditPersonalData.Identifier),
        new("tenant_id", AuditColumnType.Text, e => e.TenantId, 128),
        new("subtenant_id", AuditColumnType.Text, e => e.SubtenantId, 128),
        new("anonymized_at", AuditColumnType.Timestamp, e => e.AnonymizedAt),
    ], ReadBusinessEvent);

    /// <summary><c>entity_change_audit_event</c>: what a record looked like before and after a change.</summary>
    public static AuditTable<EntityChangeAuditEvent> EntityChange { get; } = new("entity_change_audit_event",
    [
        new("id", AuditColumnType.Id, e => e.Id),
        new("occurred_at", AuditColumnType.Timestamp, e => e.OccurredAt),
        new("request_event_id", AuditColumnType.Id, e => e.RequestEventId),
        new("process_id", AuditColumnType.Id, e => e.ProcessId),
        new("user_id", AuditColumnType.Text, e => e.UserId, 256, AuditPersonalData.Subject),
        new("service_name", AuditColumnType.Text, e => e.ServiceName, 128),
        new("entity_type", AuditColumnType.Text, e => e.EntityType, 256),
        new("table_name", AuditColumnType.Text, e => e.TableName, 256),
        new("entity_id", AuditColumnType.Text, e => e.EntityId, 512),
        new("action", AuditColumnType.Text, e => e.Action.ToString(), 16),
        new("before", AuditColumnType.Json, e => e.Before, 0, AuditPersonalData.Content),
        new("after", AuditColumnType.Json, e => e.After, 0, AuditPersonalData.Content),
        new("changed_fields", AuditColumnType.Json, e => e.ChangedFields, 0, AuditPersonalData.Content),
        new("source", AuditColumnType.Text, e => e.Source.ToString(), 16),
        new("transaction_id", AuditColumnType.Text, e => e.TransactionId, 128),
        new("tenant_id", AuditColumnType.Text, e => e.TenantId, 128),
        new("subtenant_id", AuditColumnType.Text, e => e.SubtenantId, 128),
        new("anonymized_at", AuditColumnType.Timestamp, e => e.AnonymizedAt),
    ], ReadEntityChange);

    // Declared after the tables: static initializers run in text order.
    private static readonly Dictionary<Type, ISealedTable> ByEventType = new()
    {
        [typeof(RequestAuditEvent)] = Request,
        [typeof(LoginAuditEvent)] = Login,
        [typeof(SecurityAuditEvent)] = Security,
        [typeof(ProcessAuditEvent)] = Process,
        [typeof(StepAuditEvent)] = Step,
        [typeof(RegistrationAuditEvent)] = Registration,
        [typeof(BusinessAuditEvent)] = BusinessEvent,
        [typeof(EntityChangeAuditEvent)] = EntityChange,
    };

    /// <summary>Every table of rows, parents first.</summary>
    internal static IEnumerable<ISealedTable> All => ByEventType.Values;

    /// <summary>The table of a row.</summary>
    internal static ISealedTable Of(IAuditEvent row) =>
        ByEventType.GetValueOrDefault(row.GetType()) ?? throw new NotSupportedException($"No audit table holds rows of type {row.GetType().Name}.");

    /// <summary>The table that holds rows of the event type.</summary>
    /// <exception cref="NotSupportedException">No table holds rows of that type.</exception>
    public static AuditTable<TEvent> Of<TEvent>()
        where TEvent : IAuditEvent =>
        ByEventType.GetValueOrDefault(typeof(TEvent)) as AuditTable<TEvent>
            ?? throw new NotSupportedException($"No audit table holds rows of type {typeof(TEvent).Name}.");
}
