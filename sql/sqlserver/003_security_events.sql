-- AspNetAuditTrail schema version 3 (SQL Server): security events (token failures, access denied or granted,
-- suspicious activity), each with a severity, linked to its request when that request is audited.
-- $(AuditSchema): see 001_initial_schema.sql.

IF OBJECT_ID(N'[$(AuditSchema)].[security_audit_event]', N'U') IS NULL
BEGIN
    CREATE TABLE [$(AuditSchema)].[security_audit_event] (
        id               uniqueidentifier NOT NULL CONSTRAINT pk_security_audit_event PRIMARY KEY NONCLUSTERED,
        occurred_at      datetime2(7)     NOT NULL,
        request_event_id uniqueidentifier NULL
            CONSTRAINT fk_security_audit_event_request REFERENCES [$(AuditSchema)].[request_audit_event] (id),
        event_type       nvarchar(32)     NOT NULL
            CONSTRAINT ck_security_audit_event_type CHECK (event_type IN (N'TokenExpired', N'TokenInvalid', N'AccessDenied', N'AccessGranted', N'SuspiciousActivity')),
        severity         nvarchar(16)     NOT NULL
            CONSTRAINT ck_security_audit_event_severity CHECK (severity IN (N'Info', N'Warning', N'Error', N'Critical')),
        user_id          nvarchar(256)    NULL,
        user_name        nvarchar(256)    NULL,
        ip_address       nvarchar(64)     NULL,
        endpoint         nvarchar(512)    NULL,
        details          nvarchar(max)    NULL
            CONSTRAINT ck_security_audit_event_details CHECK (details IS NULL OR (ISJSON(details) = 1 AND LEFT(details, 1) = N'{'))
    );
    CREATE CLUSTERED INDEX cx_security_audit_event ON [$(AuditSchema)].[security_audit_event] (occurred_at, id);
    CREATE INDEX ix_security_audit_event_type ON [$(AuditSchema)].[security_audit_event] (event_type, occurred_at);
    CREATE INDEX ix_security_audit_event_user_id ON [$(AuditSchema)].[security_audit_event] (user_id, occurred_at);
    CREATE INDEX ix_security_audit_event_request_event_id ON [$(AuditSchema)].[security_audit_event] (request_event_id);
END;
GO
