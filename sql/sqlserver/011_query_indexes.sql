-- AspNetAuditTrail schema version 11 (SQL Server): indexes chosen from the admin and report filters. A tenant's rows are
-- read newest first, with or without the second level: the tenant index is (tenant_id, occurred_at), which gives that
-- order, instead of (tenant_id, subtenant_id, occurred_at), which gave it only when the second level was named.
-- Entity changes are filtered by action (deletions, say) newest first. The path and route indexes served no query (a
-- path filter is a LIKE pattern, which neither index can answer, and nothing filters by route): they cost each row
-- written and are dropped.
-- $(AuditSchema): see 001_initial_schema.sql.

IF EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_request_audit_event_tenant' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[request_audit_event]'))
    DROP INDEX ix_request_audit_event_tenant ON [$(AuditSchema)].[request_audit_event];
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_request_audit_event_tenant_time' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[request_audit_event]'))
    CREATE INDEX ix_request_audit_event_tenant_time ON [$(AuditSchema)].[request_audit_event] (tenant_id, occurred_at);
GO
IF EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_login_audit_event_tenant' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[login_audit_event]'))
    DROP INDEX ix_login_audit_event_tenant ON [$(AuditSchema)].[login_audit_event];
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_login_audit_event_tenant_time' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[login_audit_event]'))
    CREATE INDEX ix_login_audit_event_tenant_time ON [$(AuditSchema)].[login_audit_event] (tenant_id, occurred_at);
GO
IF EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_security_audit_event_tenant' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[security_audit_event]'))
    DROP INDEX ix_security_audit_event_tenant ON [$(AuditSchema)].[security_audit_event];
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_security_audit_event_tenant_time' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[security_audit_event]'))
    CREATE INDEX ix_security_audit_event_tenant_time ON [$(AuditSchema)].[security_audit_event] (tenant_id, occurred_at);
GO
IF EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_process_audit_event_tenant' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[process_audit_event]'))
    DROP INDEX ix_process_audit_event_tenant ON [$(AuditSchema)].[process_audit_event];
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_process_audit_event_tenant_time' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[process_audit_event]'))
    CREATE INDEX ix_process_audit_event_tenant_time ON [$(AuditSchema)].[process_audit_event] (tenant_id, occurred_at);
GO
IF EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_step_audit_event_tenant' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[step_audit_event]'))
    DROP INDEX ix_step_audit_event_tenant ON [$(AuditSchema)].[step_audit_event];
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_step_audit_event_tenant_time' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[step_audit_event]'))
    CREATE INDEX ix_step_audit_event_tenant_time ON [$(AuditSchema)].[step_audit_event] (tenant_id, occurred_at);
GO
IF EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_registration_audit_event_tenant' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[registration_audit_event]'))
    DROP INDEX ix_registration_audit_event_tenant ON [$(AuditSchema)].[registration_audit_event];
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_registration_audit_event_tenant_time' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[registration_audit_event]'))
    CREATE INDEX ix_registration_audit_event_tenant_time ON [$(AuditSchema)].[registration_audit_event] (tenant_id, occurred_at);
GO
IF EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_audit_event_tenant' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[audit_event]'))
    DROP INDEX ix_audit_event_tenant ON [$(AuditSchema)].[audit_event];
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_audit_event_tenant_time' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[audit_event]'))
    CREATE INDEX ix_audit_event_tenant_time ON [$(AuditSchema)].[audit_event] (tenant_id, occurred_at);
GO
IF EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_entity_change_audit_event_tenant' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[entity_change_audit_event]'))
    DROP INDEX ix_entity_change_audit_event_tenant ON [$(AuditSchema)].[entity_change_audit_event];
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_entity_change_audit_event_tenant_time' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[entity_change_audit_event]'))
    CREATE INDEX ix_entity_change_audit_event_tenant_time ON [$(AuditSchema)].[entity_change_audit_event] (tenant_id, occurred_at);
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_entity_change_audit_event_action' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[entity_change_audit_event]'))
    CREATE INDEX ix_entity_change_audit_event_action ON [$(AuditSchema)].[entity_change_audit_event] (action, occurred_at);
GO
IF EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_request_audit_event_route_template' AND object_id = OBJECT_ID(N'[$(AuditSchema)].[request_audit_event]'))
    DROP INDEX ix_request_audit_event_route_template ON [$(AuditSchema)].[request_audit_event];
GO
