-- AspNetAuditTrail schema version 5 (SQL Server): on every table the tenant a row belongs to (tenant_id, a company) and
-- the second level inside it (subtenant_id, a client or a licence), indexed with time for tenant-scoped reading.
-- $(AuditSchema): see 001_initial_schema.sql.

IF COL_LENGTH(N'[$(AuditSchema)].[request_audit_event]', N'tenant_id') IS NULL
    ALTER TABLE [$(AuditSchema)].[request_audit_event] ADD tenant_id nvarchar(128) NULL, subtenant_id nvarchar(128) NULL;
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_request_audit_event_tenant' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[request_audit_event]'))
    CREATE INDEX ix_request_audit_event_tenant ON [$(AuditSchema)].[request_audit_event] (tenant_id, subtenant_id, occurred_at);
GO
IF COL_LENGTH(N'[$(AuditSchema)].[login_audit_event]', N'tenant_id') IS NULL
    ALTER TABLE [$(AuditSchema)].[login_audit_event] ADD tenant_id nvarchar(128) NULL, subtenant_id nvarchar(128) NULL;
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_login_audit_event_tenant' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[login_audit_event]'))
    CREATE INDEX ix_login_audit_event_tenant ON [$(AuditSchema)].[login_audit_event] (tenant_id, subtenant_id, occurred_at);
GO
IF COL_LENGTH(N'[$(AuditSchema)].[security_audit_event]', N'tenant_id') IS NULL
    ALTER TABLE [$(AuditSchema)].[security_audit_event] ADD tenant_id nvarchar(128) NULL, subtenant_id nvarchar(128) NULL;
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_security_audit_event_tenant' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[security_audit_event]'))
    CREATE INDEX ix_security_audit_event_tenant ON [$(AuditSchema)].[security_audit_event] (tenant_id, subtenant_id, occurred_at);
GO
IF COL_LENGTH(N'[$(AuditSchema)].[process_audit_event]', N'tenant_id') IS NULL
    ALTER TABLE [$(AuditSchema)].[process_audit_event] ADD tenant_id nvarchar(128) NULL, subtenant_id nvarchar(128) NULL;
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_process_audit_event_tenant' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[process_audit_event]'))
    CREATE INDEX ix_process_audit_event_tenant ON [$(AuditSchema)].[process_audit_event] (tenant_id, subtenant_id, occurred_at);
GO
IF COL_LENGTH(N'[$(AuditSchema)].[step_audit_event]', N'tenant_id') IS NULL
    ALTER TABLE [$(AuditSchema)].[step_audit_event] ADD tenant_id nvarchar(128) NULL, subtenant_id nvarchar(128) NULL;
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_step_audit_event_tenant' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[step_audit_event]'))
    CREATE INDEX ix_step_audit_event_tenant ON [$(AuditSchema)].[step_audit_event] (tenant_id, subtenant_id, occurred_at);
GO
IF COL_LENGTH(N'[$(AuditSchema)].[registration_audit_event]', N'tenant_id') IS NULL
    ALTER TABLE [$(AuditSchema)].[registration_audit_event] ADD tenant_id nvarchar(128) NULL, subtenant_id nvarchar(128) NULL;
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_registration_audit_event_tenant' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[registration_audit_event]'))
    CREATE INDEX ix_registration_audit_event_tenant ON [$(AuditSchema)].[registration_audit_event] (tenant_id, subtenant_id, occurred_at);
GO
IF COL_LENGTH(N'[$(AuditSchema)].[audit_event]', N'tenant_id') IS NULL
    ALTER TABLE [$(AuditSchema)].[audit_event] ADD tenant_id nvarchar(128) NULL, subtenant_id nvarchar(128) NULL;
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_audit_event_tenant' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[audit_event]'))
    CREATE INDEX ix_audit_event_tenant ON [$(AuditSchema)].[audit_event] (tenant_id, subtenant_id, occurred_at);
GO
