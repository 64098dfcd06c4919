-- AspNetAuditTrail schema version 9 (SQL Server): tamper evidence. Every row gets its place in its writer's hash chain
-- (chain_id, chain_seq), its MAC under the chain key (row_mac) and the SHA-256 of its personal fields
-- (personal_digest), all NULL on rows written without integrity; audit_checkpoint keeps the signed checkpoints of each
-- chain, append-only like the rows. README "Tamper evidence" documents the canonical form and the checks.
-- $(AuditSchema): see 001_initial_schema.sql.

IF COL_LENGTH(N'[$(AuditSchema)].[request_audit_event]', N'chain_id') IS NULL
    ALTER TABLE [$(AuditSchema)].[request_audit_event] ADD chain_id uniqueidentifier NULL, chain_seq bigint NULL, row_mac char(64) NULL, personal_digest char(64) NULL;
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_request_audit_event_chain' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[request_audit_event]'))
    CREATE INDEX ix_request_audit_event_chain ON [$(AuditSchema)].[request_audit_event] (chain_id, chain_seq);
GO
IF COL_LENGTH(N'[$(AuditSchema)].[login_audit_event]', N'chain_id') IS NULL
    ALTER TABLE [$(AuditSchema)].[login_audit_event] ADD chain_id uniqueidentifier NULL, chain_seq bigint NULL, row_mac char(64) NULL, personal_digest char(64) NULL;
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_login_audit_event_chain' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[login_audit_event]'))
    CREATE INDEX ix_login_audit_event_chain ON [$(AuditSchema)].[login_audit_event] (chain_id, chain_seq);
GO
IF COL_LENGTH(N'[$(AuditSchema)].[security_audit_event]', N'chain_id') IS NULL
    ALTER TABLE [$(AuditSchema)].[security_audit_event] ADD chain_id uniqueidentifier NULL, chain_seq bigint NULL, row_mac char(64) NULL, personal_digest char(64) NULL;
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_security_audit_event_chain' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[security_audit_event]'))
    CREATE INDEX ix_security_audit_event_chain ON [$(AuditSchema)].[security_audit_event] (chain_id, chain_seq);
GO
IF COL_LENGTH(N'[$(AuditSchema)].[process_audit_event]', N'chain_id') IS NULL
    ALTER TABLE [$(AuditSchema)].[process_audit_event] ADD chain_id uniqueidentifier NULL, chain_seq bigint NULL, row_mac char(64) NULL, personal_digest char(64) NULL;
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_process_audit_event_chain' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[process_audit_event]'))
    CREATE INDEX ix_process_audit_event_chain ON [$(AuditSchema)].[process_audit_event] (chain_id, chain_seq);
GO
IF COL_LENGTH(N'[$(AuditSchema)].[step_audit_event]', N'chain_id') IS NULL
    ALTER TABLE [$(AuditSchema)].[step_audit_event] ADD chain_id uniqueidentifier NULL, chain_seq bigint NULL, row_mac char(64) NULL, personal_digest char(64) NULL;
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_step_audit_event_chain' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[step_audit_event]'))
    CREATE INDEX ix_step_audit_event_chain ON [$(AuditSchema)].[step_audit_event] (chain_id, chain_seq);
GO
IF COL_LENGTH(N'[$(AuditSchema)].[registration_audit_event]', N'chain_id') IS NULL
    ALTER TABLE [$(AuditSchema)].[registration_audit_event] ADD chain_id uniqueidentifier NULL, chain_seq bigint NULL, row_mac char(64) NULL, personal_digest char(64) NULL;
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_registration_audit_event_chain' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[registration_audit_event]'))
    CREATE INDEX ix_registration_audit_event_chain ON [$(AuditSchema)].[registration_audit_event] (chain_id, chain_seq);
GO
IF COL_LENGTH(N'[$(AuditSchema)].[audit_event]', N'chain_id') IS NULL
    ALTER TABLE [$(AuditSchema)].[audit_event] ADD chain_id uniqueidentifier NULL, chain_seq bigint NULL, row_mac char(64) NULL, personal_digest char(64) NULL;
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_audit_event_chain' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[audit_event]'))
    CREATE INDEX ix_audit_event_chain ON [$(AuditSchema)].[audit_event] (chain_id, chain_seq);
GO
IF OBJECT_ID(N'[$(AuditSchema)].[audit_checkpoint]', N'U') IS NULL
    CREATE TABLE [$(AuditSchema)].[audit_checkpoint] (
        chain_id   uniqueidentifier NOT NULL,
        sequence   bigint           NOT NULL,
        kind       nvarchar(16)     NOT NULL,
        chain_hash char(64)         NOT NULL,
        created_at datetime2(7)     NOT NULL,
        writer     nvarchar(512)    NOT NULL,
        key_id     nvarchar(16)     NOT NULL,
        signature  nvarchar(128)    NOT NULL,
        CONSTRAINT pk_audit_checkpoint PRIMARY KEY (chain_id, sequence, kind));
GO

CREATE OR ALTER TRIGGER [$(AuditSchema)].[audit_append_only_audit_checkpoint] ON [$(AuditSchema)].[audit_checkpoint] AFTER UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF SESSION_CONTEXT(N'audit_trail.maintenance') IS NULL
        THROW 51000, N'The audit trail is append-only: UPDATE and DELETE on audit_checkpoint are refused (retention and anonymisation run through AspNetAuditTrail).', 1;
END;
