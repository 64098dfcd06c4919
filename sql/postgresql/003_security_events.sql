-- AspNetAuditTrail schema version 3 (PostgreSQL): security events (token failures, access denied or granted,
-- suspicious activity), each with a severity, linked to its request when that request is audited.

CREATE TABLE IF NOT EXISTS security_audit_event (
    id               uuid         NOT NULL PRIMARY KEY,
    occurred_at      timestamptz  NOT NULL,
    request_event_id uuid         NULL REFERENCES request_audit_event (id),
    event_type       varchar(32)  NOT NULL CHECK (event_type IN ('TokenExpired', 'TokenInvalid', 'AccessDenied', 'AccessGranted', 'SuspiciousActivity')),
    severity         varchar(16)  NOT NULL CHECK (severity IN ('Info', 'Warning', 'Error', 'Critical')),
    user_id          varchar(256) NULL,
    user_name        varchar(256) NULL,
    ip_address       varchar(64)  NULL,
    endpoint         varchar(512) NULL,
    details          jsonb        NULL CHECK (details IS NULL OR jsonb_typeof(details) = 'object')
);
CREATE INDEX IF NOT EXISTS ix_security_audit_event_occurred_at ON security_audit_event (occurred_at);
CREATE INDEX IF NOT EXISTS ix_security_audit_event_type ON security_audit_event (event_type, occurred_at);
CREATE INDEX IF NOT EXISTS ix_security_audit_event_user_id ON security_audit_event (user_id, occurred_at);
CREATE INDEX IF NOT EXISTS ix_security_audit_event_request_event_id ON security_audit_event (request_event_id);
