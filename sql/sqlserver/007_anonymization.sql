-- AspNetAuditTrail schema version 7 (SQL Server): on every table when the row's personal data was anonymised (replaced by
-- pseudonyms, or removed); NULL while the row holds them as recorded.
-- $(AuditSchema): see 001_initial_schema.sql.

IF COL_LENGTH(N'[$(AuditSchema)].[request_audit_event]', N'anonymized_at') IS NULL
    ALTER TABLE [$(AuditSchema)].[request_audit_event] ADD anonymized_at datetime2(7) NULL;
GO
IF COL_LENGTH(N'[$(AuditSchema)].[login_audit_event]', N'anonymized_at') IS NULL
    ALTER TABLE [$(AuditSchema)].[login_audit_event] ADD anonymized_at datetime2(7) NULL;
GO
IF COL_LENGTH(N'[$(AuditSchema)].[security_audit_event]', N'anonymized_at') IS NULL
    ALTER TABLE [$(AuditSchema)].[security_audit_event] ADD anonymized_at datetime2(7) NULL;
GO
IF COL_LENGTH(N'[$(AuditSchema)].[process_audit_event]', N'anonymized_at') IS NULL
    ALTER TABLE [$(AuditSchema)].[process_audit_event] ADD anonymized_at datetime2(7) NULL;
GO
IF COL_LENGTH(N'[$(AuditSchema)].[step_audit_event]', N'anonymized_at') IS NULL
    ALTER TABLE [$(AuditSchema)].[step_audit_event] ADD anonymized_at datetime2(7) NULL;
GO
IF COL_LENGTH(N'[$(AuditSchema)].[registration_audit_event]', N'anonymized_at') IS NULL
    ALTER TABLE [$(AuditSchema)].[registration_audit_event] ADD anonymized_at datetime2(7) NULL;
GO
IF COL_LENGTH(N'[$(AuditSchema)].[audit_event]', N'anonymized_at') IS NULL
    ALTER TABLE [$(AuditSchema)].[audit_event] ADD anonymized_at datetime2(7) NULL;
GO
