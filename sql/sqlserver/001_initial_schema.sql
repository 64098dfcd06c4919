-- AspNetAuditTrail schema version 1 (SQL Server 2016 or later).
-- $(AuditSchema) is the schema of the audit tables (default audit); by hand:
--   sqlcmd -S server -d database -v AuditSchema=audit -i 001_initial_schema.sql
-- Ids are time-ordered UUIDs (version 7) made by the application. SQL Server sorts uniqueidentifier by its
-- last bytes first, so a UUID key would insert at random places: each table is clustered on
-- (occurred_at, id), which grows with time, and keeps its id as a nonclustered primary key.
-- Times are UTC in datetime2(7). JSON columns hold a JSON object or NULL.
-- Paths are not indexed here: an index key is limited to 1,700 bytes and a path may be longer.

IF SCHEMA_ID(N'$(AuditSchema)') IS NULL
    EXEC (N'CREATE SCHEMA [$(AuditSchema)]');
GO

IF OBJECT_ID(N'[$(AuditSchema)].[request_audit_event]', N'U') IS NULL
BEGIN
    CREATE TABLE [$(AuditSchema)].[request_audit_event] (
        id                    uniqueidentifier NOT NULL CONSTRAINT pk_request_audit_event PRIMARY KEY NONCLUSTERED,
        occurred_at           datetime2(7)     NOT NULL,
        method                nvarchar(32)     NOT NULL,
        scheme                nvarchar(16)     NOT NULL,
        host                  nvarchar(255)    NULL,
        path                  nvarchar(2048)   NOT NULL,
        query_string          nvarchar(max)    NULL,
        status_code           int              NOT NULL,
        duration_ms           float            NOT NULL,
        response_size         bigint           NULL,
        ip_address            nvarchar(64)     NULL,
        user_agent            nvarchar(512)    NULL,
        user_id               nvarchar(256)    NULL,
        request_content_type  nvarchar(255)    NULL,
        request_body          nvarchar(max)    NULL,
        request_body_status   nvarchar(32)     NOT NULL,
        response_content_type nvarchar(255)    NULL,
        response_body         nvarchar(max)    NULL,
        response_body_status  nvarchar(32)     NOT NULL,
        error_type            nvarchar(512)    NULL,
        error_message         nvarchar(max)    NULL,
        error_stacktrace      nvarchar(max)    NULL,
        extra_information     nvarchar(max)    NULL
            CONSTRAINT ck_request_audit_event_extra_information CHECK (extra_information IS NULL OR (ISJSON(extra_information) = 1 AND LEFT(extra_information, 1) = N'{')),
        trace_id              nvarchar(32)     NULL,
        request_id            nvarchar(128)    NULL
    );
    CREATE CLUSTERED INDEX cx_request_audit_event ON [$(AuditSchema)].[request_audit_event] (occurred_at, id);
    CREATE INDEX ix_request_audit_event_user_id ON [$(AuditSchema)].[request_audit_event] (user_id, occurred_at);
    CREATE INDEX ix_request_audit_event_status_code ON [$(AuditSchema)].[request_audit_event] (status_code, occurred_at);
END;
GO

-- Sign-in, sign-out and failed sign-in, each linked to the request that carried it.
IF OBJECT_ID(N'[$(AuditSchema)].[login_audit_event]', N'U') IS NULL
BEGIN
    CREATE TABLE [$(AuditSchema)].[login_audit_event] (
        id                uniqueidentifier NOT NULL CONSTRAINT pk_login_audit_event PRIMARY KEY NONCLUSTERED,
        occurred_at       datetime2(7)     NOT NULL,
        request_event_id  uniqueidentifier NULL
            CONSTRAINT fk_login_audit_event_request REFERENCES [$(AuditSchema)].[request_audit_event] (id),
        status            nvarchar(16)     NOT NULL
            CONSTRAINT ck_login_audit_event_status CHECK (status IN (N'SignIn', N'SignOut', N'Failed')),
        user_name         nvarchar(256)    NULL,
        user_id           nvarchar(256)    NULL,
        ip_address        nvarchar(64)     NULL,
        extra_information nvarchar(max)    NULL
            CONSTRAINT ck_login_audit_event_extra_information CHECK (extra_information IS NULL OR (ISJSON(extra_information) = 1 AND LEFT(extra_information, 1) = N'{'))
    );
    CREATE CLUSTERED INDEX cx_login_audit_event ON [$(AuditSchema)].[login_audit_event] (occurred_at, id);
    CREATE INDEX ix_login_audit_event_user_name ON [$(AuditSchema)].[login_audit_event] (user_name, occurred_at);
    CREATE INDEX ix_login_audit_event_request_event_id ON [$(AuditSchema)].[login_audit_event] (request_event_id);
END;
GO

-- A business process, linked to the request it ran in (NULL outside a request).
IF OBJECT_ID(N'[$(AuditSchema)].[process_audit_event]', N'U') IS NULL
BEGIN
    CREATE TABLE [$(AuditSchema)].[process_audit_event] (
        id                uniqueidentifier NOT NULL CONSTRAINT pk_process_audit_event PRIMARY KEY NONCLUSTERED,
        occurred_at       datetime2(7)     NOT NULL,
        request_event_id  uniqueidentifier NULL
            CONSTRAINT fk_process_audit_event_request REFERENCES [$(AuditSchema)].[request_audit_event] (id),
        name              nvarchar(255)    NOT NULL,
        description       nvarchar(max)    NULL,
        created_by        nvarchar(256)    NULL,
        extra_information nvarchar(max)    NULL
            CONSTRAINT ck_process_audit_event_extra_information CHECK (extra_information IS NULL OR (ISJSON(extra_information) = 1 AND LEFT(extra_information, 1) = N'{'))
    );
    CREATE CLUSTERED INDEX cx_process_audit_event ON [$(AuditSchema)].[process_audit_event] (occurred_at, id);
    CREATE INDEX ix_process_audit_event_request_event_id ON [$(AuditSchema)].[process_audit_event] (request_event_id);
END;
GO

-- A step of a process, with the number of registrations it expects.
IF OBJECT_ID(N'[$(AuditSchema)].[step_audit_event]', N'U') IS NULL
BEGIN
    CREATE TABLE [$(AuditSchema)].[step_audit_event] (
        id                     uniqueidentifier NOT NULL CONSTRAINT pk_step_audit_event PRIMARY KEY NONCLUSTERED,
        occurred_at            datetime2(7)     NOT NULL,
        process_id             uniqueidentifier NOT NULL
            CONSTRAINT fk_step_audit_event_process REFERENCES [$(AuditSchema)].[process_audit_event] (id),
        name                   nvarchar(255)    NOT NULL,
        description            nvarchar(max)    NULL,
        step_order             int              NOT NULL,
        expected_registrations int              NOT NULL
            CONSTRAINT df_step_audit_event_expected DEFAULT 1
            CONSTRAINT ck_step_audit_event_expected CHECK (expected_registrations >= 0),
        created_by             nvarchar(256)    NULL
    );
    CREATE CLUSTERED INDEX cx_step_audit_event ON [$(AuditSchema)].[step_audit_event] (occurred_at, id);
    CREATE INDEX ix_step_audit_event_process_id ON [$(AuditSchema)].[step_audit_event] (process_id, step_order);
END;
GO

-- One registration (success or failure) of a step.
IF OBJECT_ID(N'[$(AuditSchema)].[registration_audit_event]', N'U') IS NULL
BEGIN
    CREATE TABLE [$(AuditSchema)].[registration_audit_event] (
        id          uniqueidentifier NOT NULL CONSTRAINT pk_registration_audit_event PRIMARY KEY NONCLUSTERED,
        occurred_at datetime2(7)     NOT NULL,
        step_id     uniqueidentifier NOT NULL
            CONSTRAINT fk_registration_audit_event_step REFERENCES [$(AuditSchema)].[step_audit_event] (id),
        success     bit              NOT NULL,
        name        nvarchar(255)    NULL,
        description nvarchar(max)    NULL,
        created_by  nvarchar(256)    NULL
    );
    CREATE CLUSTERED INDEX cx_registration_audit_event ON [$(AuditSchema)].[registration_audit_event] (occurred_at, id);
    CREATE INDEX ix_registration_audit_event_step_id ON [$(AuditSchema)].[registration_audit_event] (step_id);
END;
GO
