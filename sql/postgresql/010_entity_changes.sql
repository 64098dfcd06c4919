-- AspNetAuditTrail schema version 10 (PostgreSQL): change capture. One row per changed record: its values before and
-- after and, for each changed field, the value before and after (JSON objects, masked and size-bounded as bodies).
-- Append-only like the other audit tables, and sealed into the writer's hash chain like them.

CREATE TABLE IF NOT EXISTS entity_change_audit_event (
    id               uuid         NOT NULL PRIMARY KEY,
    occurred_at      timestamptz  NOT NULL,
    request_event_id uuid         NULL REFERENCES request_audit_event (id),
    process_id       uuid         NULL,
    user_id          varchar(256) NULL,
    service_name     varchar(128) NULL,
    entity_type      varchar(256) NOT NULL,
    table_name       varchar(256) NULL,
    entity_id        varchar(512) NOT NULL,
    action           varchar(16)  NOT NULL CHECK (action IN ('Created', 'Updated', 'Deleted')),
    before           jsonb        NULL CHECK (before IS NULL OR jsonb_typeof(before) = 'object'),
    after            jsonb        NULL CHECK (after IS NULL OR jsonb_typeof(after) = 'object'),
    changed_fields   jsonb        NULL CHECK (changed_fields IS NULL OR jsonb_typeof(changed_fields) = 'object'),
    source           varchar(16)  NOT NULL CHECK (source IN ('Application', 'Database')),
    transaction_id   varchar(128) NULL,
    tenant_id        varchar(128) NULL,
    subtenant_id     varchar(128) NULL,
    anonymized_at    timestamptz  NULL,
    chain_id         uuid         NULL,
    chain_seq        bigint       NULL,
    row_mac          char(64)     NULL,
    personal_digest  char(64)     NULL
);
CREATE INDEX IF NOT EXISTS ix_entity_change_audit_event_occurred_at ON entity_change_audit_event (occurred_at);
CREATE INDEX IF NOT EXISTS ix_entity_change_audit_event_entity ON entity_change_audit_event (entity_type, entity_id, occurred_at);
CREATE INDEX IF NOT EXISTS ix_entity_change_audit_event_user_id ON entity_change_audit_event (user_id, occurred_at);
CREATE INDEX IF NOT EXISTS ix_entity_change_audit_event_request_event_id ON entity_change_audit_event (request_event_id);
CREATE INDEX IF NOT EXISTS ix_entity_change_audit_event_tenant ON entity_change_audit_event (tenant_id, subtenant_id, occurred_at);
CREATE INDEX IF NOT EXISTS ix_entity_change_audit_event_chain ON entity_change_audit_event (chain_id, chain_seq);

DROP TRIGGER IF EXISTS audit_append_only ON entity_change_audit_event;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON entity_change_audit_event FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only();
DROP TRIGGER IF EXISTS audit_append_only_truncate ON entity_change_audit_event;
CREATE TRIGGER audit_append_only_truncate BEFORE TRUNCATE ON entity_change_audit_event FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_append_only();
