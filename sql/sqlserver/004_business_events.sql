-- AspNetAuditTrail schema version 4 (SQL Server): business events (what the application did, in its own terms), and
-- on every table the service that recorded the row, so that the rows of many services can share one database.
-- $(AuditSchema): see 001_initial_schema.sql.

IF COL_LENGTH(N'[$(AuditSchema)].[request_audit_event]', N'service_name') IS NULL
    ALTER TABLE [$(AuditSchema)].[request_audit_event] ADD service_name nvarchar(128) NULL;
IF COL_LENGTH(N'[$(AuditSchema)].[login_audit_event]', N'service_name') IS NULL
    ALTER TABLE [$(AuditSchema)].[login_audit_event] ADD service_name nvarchar(128) NULL;
IF COL_LENGTH(N'[$(AuditSchema)].[security_audit_event]', N'service_name') IS NULL
    ALTER TABLE [$(AuditSchema)].[security_audit_event] ADD service_name nvarchar(128) NULL;
IF COL_LENGTH(N'[$(AuditSchema)].[process_audit_event]', N'service_name') IS NULL
    ALTER TABLE [$(AuditSchema)].[process_audit_event] ADD service_name nvarchar(128) NULL;
IF COL_LENGTH(N'[$(AuditSchema)].[step_audit_event]', N'service_name') IS NULL
    ALTER TABLE [$(AuditSchema)].[step_audit_event] ADD service_name nvarchar(128) NULL;
IF COL_LENGTH(N'[$(AuditSchema)].[registration_audit_event]', N'service_name') IS NULL
    ALTER TABLE [$(AuditSchema)].[registration_audit_event] ADD service_name nvarchar(128) NULL;
GO

IF OBJECT_ID(N'[$(AuditSchema)].[audit_event]', N'U') IS NULL
BEGIN
    CREATE TABLE [$(AuditSchema)].[audit_event] (
        id               uniqueidentifier NOT NULL CONSTRAINT pk_audit_event PRIMARY KEY NONCLUSTERED,
        occurred_at      datetime2(7)     NOT NULL,
        received_at      datetime2(7)     NOT NULL,
        service_name     nvarchar(128)    NULL,
        level            nvarchar(16)     NOT NULL
            CONSTRAINT ck_audit_event_level CHECK (level IN (N'Info', N'Warning', N'Error', N'Critical')),
        category         nvarchar(64)     NOT NULL,
        action           nvarchar(128)    NOT NULL,
        message          nvarchar(max)    NULL,
        outcome          nvarchar(16)     NULL
            CONSTRAINT ck_audit_event_outcome CHECK (outcome IS NULL OR outcome IN (N'Success', N'Failure')),
        user_key         nvarchar(256)    NULL,
        user_id          nvarchar(256)    NULL,
        session_id       nvarchar(128)    NULL,
        resource_type    nvarchar(128)    NULL,
        resource_id      nvarchar(256)    NULL,
        input            nvarchar(max)    NULL
            CONSTRAINT ck_audit_event_input CHECK (input IS NULL OR (ISJSON(input) = 1 AND LEFT(input, 1) = N'{')),
        output           nvarchar(max)    NULL
            CONSTRAINT ck_audit_event_output CHECK (output IS NULL OR (ISJSON(output) = 1 AND LEFT(output, 1) = N'{')),
        metadata         nvarchar(max)    NULL
            CONSTRAINT ck_audit_event_metadata CHECK (metadata IS NULL OR (ISJSON(metadata) = 1 AND LEFT(metadata, 1) = N'{')),
        error_code       nvarchar(64)     NULL,
        error_message    nvarchar(max)    NULL,
        stack_trace      nvarchar(max)    NULL,
        duration_ms      float            NULL,
        request_event_id uniqueidentifier NULL
            CONSTRAINT fk_audit_event_request REFERENCES [$(AuditSchema)].[request_audit_event] (id),
        trace_id         nvarchar(32)     NULL,
        ip_address       nvarchar(64)     NULL
    );
    CREATE CLUSTERED INDEX cx_audit_event ON [$(AuditSchema)].[audit_event] (occurred_at, id);
    CREATE INDEX ix_audit_event_service_name ON [$(AuditSchema)].[audit_event] (service_name, occurred_at);
    CREATE INDEX ix_audit_event_category ON [$(AuditSchema)].[audit_event] (category, occurred_at);
    CREATE INDEX ix_audit_event_action ON [$(AuditSchema)].[audit_event] (action, occurred_at);
    CREATE INDEX ix_audit_event_user_id ON [$(AuditSchema)].[audit_event] (user_id, occurred_at);
    CREATE INDEX ix_audit_event_resource ON [$(AuditSchema)].[audit_event] (resource_type, resource_id, occurred_at);
    CREATE INDEX ix_audit_event_request_event_id ON [$(AuditSchema)].[audit_event] (request_event_id);
END;
GO
