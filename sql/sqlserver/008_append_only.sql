-- AspNetAuditTrail schema version 8 (SQL Server): the audit tables are append-only. UPDATE and DELETE are refused
-- unless the session says it is retention or anonymisation (sp_set_session_context 'audit_trail.maintenance', as the
-- store does). This stops accidental and casual changes; it does not stop a login that can alter triggers. Ledger
-- tables are the stronger guarantee: see README.
-- $(AuditSchema): see 001_initial_schema.sql.

CREATE OR ALTER TRIGGER [$(AuditSchema)].[audit_append_only_request_audit_event] ON [$(AuditSchema)].[request_audit_event] AFTER UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF SESSION_CONTEXT(N'audit_trail.maintenance') IS NULL
        THROW 51000, N'The audit trail is append-only: UPDATE and DELETE on request_audit_event are refused (retention and anonymisation run through AspNetAuditTrail).', 1;
END;
GO

CREATE OR ALTER TRIGGER [$(AuditSchema)].[audit_append_only_login_audit_event] ON [$(AuditSchema)].[login_audit_event] AFTER UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF SESSION_CONTEXT(N'audit_trail.maintenance') IS NULL
        THROW 51000, N'The audit trail is append-only: UPDATE and DELETE on login_audit_event are refused (retention and anonymisation run through AspNetAuditTrail).', 1;
END;
GO

CREATE OR ALTER TRIGGER [$(AuditSchema)].[audit_append_only_security_audit_event] ON [$(AuditSchema)].[security_audit_event] AFTER UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF SESSION_CONTEXT(N'audit_trail.maintenance') IS NULL
        THROW 51000, N'The audit trail is append-only: UPDATE and DELETE on security_audit_event are refused (retention and anonymisation run through AspNetAuditTrail).', 1;
END;
GO

CREATE OR ALTER TRIGGER [$(AuditSchema)].[audit_append_only_process_audit_event] ON [$(AuditSchema)].[process_audit_event] AFTER UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF SESSION_CONTEXT(N'audit_trail.maintenance') IS NULL
        THROW 51000, N'The audit trail is append-only: UPDATE and DELETE on process_audit_event are refused (retention and anonymisation run through AspNetAuditTrail).', 1;
END;
GO

CREATE OR ALTER TRIGGER [$(AuditSchema)].[audit_append_only_step_audit_event] ON [$(AuditSchema)].[step_audit_event] AFTER UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF SESSION_CONTEXT(N'audit_trail.maintenance') IS NULL
        THROW 51000, N'The audit trail is append-only: UPDATE and DELETE on step_audit_event are refused (retention and anonymisation run through AspNetAuditTrail).', 1;
END;
GO

CREATE OR ALTER TRIGGER [$(AuditSchema)].[audit_append_only_registration_audit_event] ON [$(AuditSchema)].[registration_audit_event] AFTER UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF SESSION_CONTEXT(N'audit_trail.maintenance') IS NULL
        THROW 51000, N'The audit trail is append-only: UPDATE and DELETE on registration_audit_event are refused (retention and anonymisation run through AspNetAuditTrail).', 1;
END;
GO

CREATE OR ALTER TRIGGER [$(AuditSchema)].[audit_append_only_audit_event] ON [$(AuditSchema)].[audit_event] AFTER UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF SESSION_CONTEXT(N'audit_trail.maintenance') IS NULL
        THROW 51000, N'The audit trail is append-only: UPDATE and DELETE on audit_event are refused (retention and anonymisation run through AspNetAuditTrail).', 1;
END;
GO
