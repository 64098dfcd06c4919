-- AspNetAuditTrail schema version 4 (SQLite): business events (what the application did, in its own terms), and
-- on every table the service that recorded the row, so that the rows of many services can share one database.

ALTER TABLE request_audit_event ADD COLUMN service_name TEXT NULL;
ALTER TABLE login_audit_event ADD COLUMN service_name TEXT NULL;
ALTER TABLE security_audit_event ADD COLUMN service_name TEXT NULL;
ALTER TABLE process_audit_event ADD COLUMN service_name TEXT NULL;
ALTER TABLE step_audit_event ADD COLUMN service_name TEXT NULL;
ALTER TABLE registration_audit_event ADD COLUMN service_name TEXT NULL;

CREATE TABLE IF NOT EXISTS audit_event (
    id               TEXT NOT NULL PRIMARY KEY,
    occurred_at      TEXT NOT NULL,
    received_at      TEXT NOT NULL,
    service_name     TEXT NULL,
    level            TEXT NOT NULL CHECK (level IN ('Info', 'Warning', 'Error', 'Critical')),
    category         TEXT NOT NULL,
    action           TEXT NOT NULL,
    message          TEXT NULL,
    outcome          TEXT NULL CHECK (outcome IS NULL OR outcome IN ('Success', 'Failure')),
    user_key         TEXT NULL,
    user_id          TEXT NULL,
    session_id       TEXT NULL,
    resource_type    TEXT NULL,
    resource_id      TEXT NULL,
    input            TEXT NULL CHECK (input IS NULL OR json_type(input) = 'object'),
    output           TEXT NULL CHECK (output IS NULL OR json_type(output) = 'object'),
    metadata         TEXT NULL CHECK (metadata IS NULL OR json_type(metadata) = 'object'),
    error_code       TEXT NULL,
    error_message    TEXT NULL,
    stack_trace      TEXT NULL,
    duration_ms      REAL NULL,
    request_event_id TEXT NULL REFERENCES request_audit_event (id),
    trace_id         TEXT NULL,
    ip_address       TEXT NULL
);
CREATE INDEX IF NOT EXISTS ix_audit_event_occurred_at ON audit_event (occurred_at);
CREATE INDEX IF NOT EXISTS ix_audit_event_service_name ON audit_event (service_name, occurred_at);
CREATE INDEX IF NOT EXISTS ix_audit_event_category ON audit_event (category, occurred_at);
CREATE INDEX IF NOT EXISTS ix_audit_event_action ON audit_event (action, occurred_at);
CREATE INDEX IF NOT EXISTS ix_audit_event_user_id ON audit_event (user_id, occurred_at);
CREATE INDEX IF NOT EXISTS ix_audit_event_resource ON audit_event (resource_type, resource_id, occurred_at);
CREATE INDEX IF NOT EXISTS ix_audit_event_request_event_id ON audit_event (request_event_id);
