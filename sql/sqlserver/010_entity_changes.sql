-- AspNetAuditTrail schema version 10 (SQL Server): change capture. One row per changed record: its values before and
-- after and, for each changed field, the value before and after (JSON objects, masked and size-bounded as bodies).
-- Append-only like the other audit tables, and sealed into the writer's hash chain like them.
-- $(AuditSchema): see 001_initial_schema.sql.

IF OBJECT_ID(N'[$(AuditSchema)].[entity_change_audit_event]', N'U') IS NULL
BEGIN
    CREATE TABLE [$(AuditSchema)].[entity_change_audit_event] (
        id               uniqueidentifier NOT NULL CONSTRAINT pk_entity_change_audit_event PRIMARY KEY NONCLUSTERED,
        occurred_at      datetime2(7)     NOT NULL,
        request_event_id uniqueidentifier NULL
            CONSTRAINT fk_entity_change_audit_event_request REFERENCES [$(AuditSchema)].[request_audit_event] (id),
        process_id       uniqueidentifier NULL,
        user_id          nvarchar(256)    NULL,
        service_name     nvarchar(128)    NULL,
        entity_type      nvarchar(256)    NOT NULL,
        table_name       nvarchar(256)    NULL,
        entity_id        nvarchar(512)    NOT NULL,
        action           nvarchar(16)     NOT NULL
            CONSTRAINT ck_entity_change_audit_event_action CHECK (action IN (N'Created', N'Updated', N'Deleted')),
        before           nvarchar(max)    NULL
            CONSTRAINT ck_entity_change_audit_event_before CHECK (before IS NULL OR (ISJSON(before) = 1 AND LEFT(before, 1) = N'{')),
        after            nvarchar(max)    NULL
            CONSTRAINT ck_entity_change_audit_event_after CHECK (after IS NULL OR (ISJSON(after) = 1 AND LEFT(after, 1) = N'{')),
        changed_fields   nvarchar(max)    NULL
            CONSTRAINT ck_entity_change_audit_event_changed CHECK (changed_fields IS NULL OR (ISJSON(changed_fields) = 1 AND LEFT(changed_fields, 1) = N'{')),
        source           nvarchar(16)     NOT NULL
            CONSTRAINT ck_entity_change_audit_event_source CHECK (source IN (N'Application', N'Database')),
        transaction_id   nvarchar(128)    NULL,
        tenant_id        nvarchar(128)    NULL,
        subtenant_id     nvarchar(128)    NULL,
        anonymized_at    datetime2(7)     NULL,
        chain_id         uniqueidentifier NULL,
        chain_seq        bigint           NULL,
        row_mac          char(64)         NULL,
        personal_digest  char(64)         NULL
    );
    CREATE CLUSTERED INDEX cx_entity_change_audit_event ON [$(AuditSchema)].[entity_change_audit_event] (occurred_at, id);
    CREATE INDEX ix_entity_change_audit_event_entity ON [$(AuditSchema)].[entity_change_audit_event] (entity_type, entity_id, occurred_at);
    CREATE INDEX ix_entity_change_audit_event_user_id ON [$(AuditSchema)].[entity_change_audit_event] (user_id, occurred_at);
    CREATE INDEX ix_entity_change_audit_event_request_event_id ON [$(AuditSchema)].[entity_change_audit_event] (request_event_id);
    CREATE INDEX ix_entity_change_audit_event_tenant ON [$(AuditSchema)].[entity_change_audit_event] (tenant_id, subtenant_id, occurred_at);
    CREATE INDEX ix_entity_change_audit_event_chain ON [$(AuditSchema)].[entity_change_audit_event] (chain_id, chain_seq);
END;
GO

CREATE OR ALTER TRIGGER [$(AuditSchema)].[audit_append_only_entity_change_audit_event] ON [$(AuditSchema)].[entity_change_audit_event] AFTER UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF SESSION_CONTEXT(N'audit_trail.maintenance') IS NULL
        THROW 51000, N'The audit trail is append-only: UPDATE and DELETE on entity_change_audit_event are refused (retention and anonymisation run through AspNetAuditTrail).', 1;
END;
GO
