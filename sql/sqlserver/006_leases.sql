-- AspNetAuditTrail schema version 6 (SQL Server): leases, so that one app instance at a time runs a job over the audit
-- database (retention): a holder keeps a lease by renewing it before it expires; an expired lease is free to take.
-- $(AuditSchema): see 001_initial_schema.sql.

IF OBJECT_ID(N'[$(AuditSchema)].[audit_lease]', N'U') IS NULL
    CREATE TABLE [$(AuditSchema)].[audit_lease] (
        name       nvarchar(64)  NOT NULL PRIMARY KEY,
        holder     nvarchar(256) NOT NULL,
        expires_at datetime2(7)  NOT NULL);
GO
