-- AspNetAuditTrail schema version 2 (SQL Server): what the MVC action or minimal-API handler did,
-- recorded on the request's row by the audit filters. $(AuditSchema): see 001_initial_schema.sql.

IF COL_LENGTH(N'[$(AuditSchema)].[request_audit_event]', N'controller') IS NULL
BEGIN
    ALTER TABLE [$(AuditSchema)].[request_audit_event] ADD
        controller         nvarchar(256) NULL,
        action             nvarchar(512) NULL,
        route_template     nvarchar(400) NULL,
        route_values       nvarchar(max) NULL
            CONSTRAINT ck_request_audit_event_route_values CHECK (route_values IS NULL OR (ISJSON(route_values) = 1 AND LEFT(route_values, 1) = N'{')),
        action_arguments   nvarchar(max) NULL
            CONSTRAINT ck_request_audit_event_action_arguments CHECK (action_arguments IS NULL OR (ISJSON(action_arguments) = 1 AND LEFT(action_arguments, 1) = N'{')),
        validation_errors  nvarchar(max) NULL
            CONSTRAINT ck_request_audit_event_validation_errors CHECK (validation_errors IS NULL OR (ISJSON(validation_errors) = 1 AND LEFT(validation_errors, 1) = N'{')),
        result_type        nvarchar(512) NULL,
        result_status_code int           NULL;
END;
GO

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_request_audit_event_route_template'
               AND object_id = OBJECT_ID(N'[$(AuditSchema)].[request_audit_event]'))
    CREATE INDEX ix_request_audit_event_route_template ON [$(AuditSchema)].[request_audit_event] (route_template, occurred_at);
GO
