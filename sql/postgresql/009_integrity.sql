-- AspNetAuditTrail schema version 9 (PostgreSQL): tamper evidence. Every row gets its place in its writer's hash chain
-- (chain_id, chain_seq), its MAC under the chain key (row_mac) and the SHA-256 of its personal fields
-- (personal_digest), all NULL on rows written without integrity; audit_checkpoint keeps the signed checkpoints of each
-- chain, append-only like the rows. README "Tamper evidence" documents the canonical form and the checks.

ALTER TABLE request_audit_event ADD COLUMN IF NOT EXISTS chain_id uuid NULL, ADD COLUMN IF NOT EXISTS chain_seq bigint NULL,
    ADD COLUMN IF NOT EXISTS row_mac char(64) NULL, ADD COLUMN IF NOT EXISTS personal_digest char(64) NULL;
CREATE INDEX IF NOT EXISTS ix_request_audit_event_chain ON request_audit_event (chain_id, chain_seq);

ALTER TABLE login_audit_event ADD COLUMN IF NOT EXISTS chain_id uuid NULL, ADD COLUMN IF NOT EXISTS chain_seq bigint NULL,
    ADD COLUMN IF NOT EXISTS row_mac char(64) NULL, ADD COLUMN IF NOT EXISTS personal_digest char(64) NULL;
CREATE INDEX IF NOT EXISTS ix_login_audit_event_chain ON login_audit_event (chain_id, chain_seq);

ALTER TABLE security_audit_event ADD COLUMN IF NOT EXISTS chain_id uuid NULL, ADD COLUMN IF NOT EXISTS chain_seq bigint NULL,
    ADD COLUMN IF NOT EXISTS row_mac char(64) NULL, ADD COLUMN IF NOT EXISTS personal_digest char(64) NULL;
CREATE INDEX IF NOT EXISTS ix_security_audit_event_chain ON security_audit_event (chain_id, chain_seq);

ALTER TABLE process_audit_event ADD COLUMN IF NOT EXISTS chain_id uuid NULL, ADD COLUMN IF NOT EXISTS chain_seq bigint NULL,
    ADD COLUMN IF NOT EXISTS row_mac char(64) NULL, ADD COLUMN IF NOT EXISTS personal_digest char(64) NULL;
CREATE INDEX IF NOT EXISTS ix_process_audit_event_chain ON process_audit_event (chain_id, chain_seq);

ALTER TABLE step_audit_event ADD COLUMN IF NOT EXISTS chain_id uuid NULL, ADD COLUMN IF NOT EXISTS chain_seq bigint NULL,
    ADD COLUMN IF NOT EXISTS row_mac char(64) NULL, ADD COLUMN IF NOT EXISTS personal_digest char(64) NULL;
CREATE INDEX IF NOT EXISTS ix_step_audit_event_chain ON step_audit_event (chain_id, chain_seq);

ALTER TABLE registration_audit_event ADD COLUMN IF NOT EXISTS chain_id uuid NULL, ADD COLUMN IF NOT EXISTS chain_seq bigint NULL,
    ADD COLUMN IF NOT EXISTS row_mac char(64) NULL, ADD COLUMN IF NOT EXISTS personal_digest char(64) NULL;
CREATE INDEX IF NOT EXISTS ix_registration_audit_event_chain ON registration_audit_event (chain_id, chain_seq);

ALTER TABLE audit_event ADD COLUMN IF NOT EXISTS chain_id uuid NULL, ADD COLUMN IF NOT EXISTS chain_seq bigint NULL,
    ADD COLUMN IF NOT EXISTS row_mac char(64) NULL, ADD COLUMN IF NOT EXISTS personal_digest char(64) NULL;
CREATE INDEX IF NOT EXISTS ix_audit_event_chain ON audit_event (chain_id, chain_seq);

CREATE TABLE IF NOT EXISTS audit_checkpoint (
    chain_id   uuid         NOT NULL,
    sequence   bigint       NOT NULL,
    kind       varchar(16)  NOT NULL,
    chain_hash char(64)     NOT NULL,
    created_at timestamptz  NOT NULL,
    writer     varchar(512) NOT NULL,
    key_id     varchar(16)  NOT NULL,
    signature  varchar(128) NOT NULL,
    PRIMARY KEY (chain_id, sequence, kind)
);

DROP TRIGGER IF EXISTS audit_append_only ON audit_checkpoint;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only();
DROP TRIGGER IF EXISTS audit_append_only_truncate ON audit_checkpoint;
CREATE TRIGGER audit_append_only_truncate BEFORE TRUNCATE ON audit_checkpoint FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_append_only();
