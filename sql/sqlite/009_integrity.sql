-- AspNetAuditTrail schema version 9 (SQLite): tamper evidence. Every row gets its place in its writer's hash chain
-- (chain_id, chain_seq), its MAC under the chain key (row_mac) and the SHA-256 of its personal fields
-- (personal_digest), all NULL on rows written without integrity; audit_checkpoint keeps the signed checkpoints of each
-- chain, append-only like the rows. README "Tamper evidence" documents the canonical form and the checks.

ALTER TABLE request_audit_event ADD COLUMN chain_id TEXT NULL;
ALTER TABLE request_audit_event ADD COLUMN chain_seq INTEGER NULL;
ALTER TABLE request_audit_event ADD COLUMN row_mac TEXT NULL;
ALTER TABLE request_audit_event ADD COLUMN personal_digest TEXT NULL;
CREATE INDEX IF NOT EXISTS ix_request_audit_event_chain ON request_audit_event (chain_id, chain_seq);

ALTER TABLE login_audit_event ADD COLUMN chain_id TEXT NULL;
ALTER TABLE login_audit_event ADD COLUMN chain_seq INTEGER NULL;
ALTER TABLE login_audit_event ADD COLUMN row_mac TEXT NULL;
ALTER TABLE login_audit_event ADD COLUMN personal_digest TEXT NULL;
CREATE INDEX IF NOT EXISTS ix_login_audit_event_chain ON login_audit_event (chain_id, chain_seq);

ALTER TABLE security_audit_event ADD COLUMN chain_id TEXT NULL;
ALTER TABLE security_audit_event ADD COLUMN chain_seq INTEGER NULL;
ALTER TABLE security_audit_event ADD COLUMN row_mac TEXT NULL;
ALTER TABLE security_audit_event ADD COLUMN personal_digest TEXT NULL;
CREATE INDEX IF NOT EXISTS ix_security_audit_event_chain ON security_audit_event (chain_id, chain_seq);

ALTER TABLE process_audit_event ADD COLUMN chain_id TEXT NULL;
ALTER TABLE process_audit_event ADD COLUMN chain_seq INTEGER NULL;
ALTER TABLE process_audit_event ADD COLUMN row_mac TEXT NULL;
ALTER TABLE process_audit_event ADD COLUMN personal_digest TEXT NULL;
CREATE INDEX IF NOT EXISTS ix_process_audit_event_chain ON process_audit_event (chain_id, chain_seq);

ALTER TABLE step_audit_event ADD COLUMN chain_id TEXT NULL;
ALTER TABLE step_audit_event ADD COLUMN chain_seq INTEGER NULL;
ALTER TABLE step_audit_event ADD COLUMN row_mac TEXT NULL;
ALTER TABLE step_audit_event ADD COLUMN personal_digest TEXT NULL;
CREATE INDEX IF NOT EXISTS ix_step_audit_event_chain ON step_audit_event (chain_id, chain_seq);

ALTER TABLE registration_audit_event ADD COLUMN chain_id TEXT NULL;
ALTER TABLE registration_audit_event ADD COLUMN chain_seq INTEGER NULL;
ALTER TABLE registration_audit_event ADD COLUMN row_mac TEXT NULL;
ALTER TABLE registration_audit_event ADD COLUMN personal_digest TEXT NULL;
CREATE INDEX IF NOT EXISTS ix_registration_audit_event_chain ON registration_audit_event (chain_id, chain_seq);

ALTER TABLE audit_event ADD COLUMN chain_id TEXT NULL;
ALTER TABLE audit_event ADD COLUMN chain_seq INTEGER NULL;
ALTER TABLE audit_event ADD COLUMN row_mac TEXT NULL;
ALTER TABLE audit_event ADD COLUMN personal_digest TEXT NULL;
CREATE INDEX IF NOT EXISTS ix_audit_event_chain ON audit_event (chain_id, chain_seq);

CREATE TABLE IF NOT EXISTS audit_checkpoint (
    chain_id   TEXT    NOT NULL,
    sequence   INTEGER NOT NULL,
    kind       TEXT    NOT NULL,
    chain_hash TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    writer     TEXT    NOT NULL,
    key_id     TEXT    NOT NULL,
    signature  TEXT    NOT NULL,
    PRIMARY KEY (chain_id, sequence, kind)
);

CREATE TRIGGER IF NOT EXISTS audit_append_only_audit_checkpoint_update BEFORE UPDATE ON audit_checkpoint
WHEN (SELECT active FROM audit_maintenance WHERE id = 1) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'The audit trail is append-only: UPDATE on audit_checkpoint is refused (retention and anonymisation run through AspNetAuditTrail).');
END;

CREATE TRIGGER IF NOT EXISTS audit_append_only_audit_checkpoint_delete BEFORE DELETE ON audit_checkpoint
WHEN (SELECT active FROM audit_maintenance WHERE id = 1) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'The audit trail is append-only: DELETE on audit_checkpoint is refused (retention and anonymisation run through AspNetAuditTrail).');
END;
