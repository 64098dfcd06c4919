-- AspNetAuditTrail schema version 10 (SQLite): change capture. One row per changed record: its values before and
-- after and, for each changed field, the value before and after (JSON objects, masked and size-bounded as bodies).
-- Append-only like the other audit tables, and sealed into the writer's hash chain like them.

CREATE TABLE IF NOT EXISTS entity_change_audit_event (
    id               TEXT NOT NULL PRIMARY KEY,
    occurred_at      TEXT NOT NULL,
    request_event_id TEXT NULL REFERENCES request_audit_event (id),
    process_id       TEXT NULL,
    user_id          TEXT NULL,
    service_name     TEXT NULL,
    entity_type      TEXT NOT NULL,
    table_name       TEXT NULL,
    entity_id        TEXT NOT NULL,
    action           TEXT NOT NULL CHECK (action IN ('Created', 'Updated', 'Deleted')),
    before           TEXT NULL CHECK (before IS NULL OR json_type(before) = 'object'),
    after            TEXT NULL CHECK (after IS NULL OR json_type(after) = 'object'),
    changed_fields   TEXT NULL CHECK (changed_fields IS NULL OR json_type(changed_fields) = 'object'),
    source           TEXT NOT NULL CHECK (source IN ('Application', 'Database')),
    transaction_id   TEXT NULL,
    tenant_id        TEXT NULL,
    subtenant_id     TEXT NULL,
    anonymized_at    TEXT NULL,
    chain_id         TEXT NULL,
    chain_seq        INTEGER NULL,
    row_mac          TEXT NULL,
    personal_digest  TEXT NULL
);
CREATE INDEX IF NOT EXISTS ix_entity_change_audit_event_occurred_at ON entity_change_audit_event (occurred_at);
CREATE INDEX IF NOT EXISTS ix_entity_change_audit_event_entity ON entity_change_audit_event (entity_type, entity_id, occurred_at);
CREATE INDEX IF NOT EXISTS ix_entity_change_audit_event_user_id ON entity_change_audit_event (user_id, occurred_at);
CREATE INDEX IF NOT EXISTS ix_entity_change_audit_event_request_event_id ON entity_change_audit_event (request_event_id);
CREATE INDEX IF NOT EXISTS ix_entity_change_audit_event_tenant ON entity_change_audit_event (tenant_id, subtenant_id, occurred_at);
CREATE INDEX IF NOT EXISTS ix_entity_change_audit_event_chain ON entity_change_audit_event (chain_id, chain_seq);

CREATE TRIGGER IF NOT EXISTS audit_append_only_entity_change_audit_event_update BEFORE UPDATE ON entity_change_audit_event
WHEN (SELECT active FROM audit_maintenance WHERE id = 1) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'The audit trail is append-only: UPDATE on entity_change_audit_event is refused (retention and anonymisation run through AspNetAuditTrail).');
END;

CREATE TRIGGER IF NOT EXISTS audit_append_only_entity_change_audit_event_delete BEFORE DELETE ON entity_change_audit_event
WHEN (SELECT active FROM audit_maintenance WHERE id = 1) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'The audit trail is append-only: DELETE on entity_change_audit_event is refused (retention and anonymisation run through AspNetAuditTrail).');
END;
