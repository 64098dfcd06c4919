-- AspNetAuditTrail schema version 4 (PostgreSQL): business events (what the application did, in its own terms), and
-- on every table the service that recorded the row, so that the rows of many services can share one database.

ALTER TABLE request_audit_event ADD COLUMN IF NOT EXISTS service_name varchar(128) NULL;
ALTER TABLE login_audit_event ADD COLUMN IF NOT EXISTS service_name varchar(128) NULL;
ALTER TABLE security_audit_event ADD COLUMN IF NOT EXISTS service_name varchar(128) NULL;
ALTER TABLE process_audit_event ADD COLUMN IF NOT EXISTS service_name varchar(128) NULL;
ALTER TABLE step_audit_event ADD COLUMN IF NOT EXISTS service_name varchar(128) NULL;
ALTER TABLE registration_audit_event ADD COLUMN IF NOT EXISTS service_name varchar(128) NULL;

CREATE TABLE IF NOT EXISTS audit_event (
    id               uuid             NOT NULL PRIMARY KEY,
    occurred_at      timestamptz      NOT NULL,
    received_at      timestamptz      NOT NULL,
    service_name     varchar(128)     NULL,
    level            varchar(16)      NOT NULL CHECK (level IN ('Info', 'Warning', 'Error', 'Critical')),
    category         varchar(64)      NOT NULL,
    action           varchar(128)     NOT NULL,
    message          text             NULL,
    outcome          varchar(16)      NULL CHECK (outcome IS NULL OR outcome IN ('Success', 'Failure')),
    user_key         varchar(256)     NULL,
    user_id          varchar(256)     NULL,
    session_id       varchar(128)     NULL,
    resource_type    varchar(128)     NULL,
    resource_id      varchar(256)     NULL,
    input            jsonb            NULL CHECK (input IS NULL OR jsonb_typeof(input) = 'object'),
    output           jsonb            NULL CHECK (output IS NULL OR jsonb_typeof(output) = 'object'),
    metadata         jsonb            NULL CHECK (metadata IS NULL OR jsonb_typeof(metadata) = 'object'),
    error_code       varchar(64)      NULL,
    error_message    text             NULL,
    stack_trace      text             NULL,
    duration_ms      double precision NULL,
    request_event_id uuid             NULL REFERENCES request_audit_event (id),
    trace_id         varchar(32)      NULL,
    ip_address       varchar(64)      NULL
);
CREATE INDEX IF NOT EXISTS ix_audit_event_occurred_at ON audit_event (occurred_at);
CREATE INDEX IF NOT EXISTS ix_audit_event_service_name ON audit_event (service_name, occurred_at);
CREATE INDEX IF NOT EXISTS ix_audit_event_category ON audit_event (category, occurred_at);
CREATE INDEX IF NOT EXISTS ix_audit_event_action ON audit_event (action, occurred_at);
CREATE INDEX IF NOT EXISTS ix_audit_event_user_id ON audit_event (user_id, occurred_at);
CREATE INDEX IF NOT EXISTS ix_audit_event_resource ON audit_event (resource_type, resource_id, occurred_at);
CREATE INDEX IF NOT EXISTS ix_audit_event_request_event_id ON audit_event (request_event_id);
