-- AspNetAuditTrail schema version 3 (SQLite): security events (token failures, access denied or granted,
-- suspicious activity), each with a severity, linked to its request when that request is audited.

CREATE TABLE IF NOT EXISTS security_audit_event (
    id               TEXT NOT NULL PRIMARY KEY,
    occurred_at      TEXT NOT NULL,
    request_event_id TEXT NULL REFERENCES request_audit_event (id),
    event_type       TEXT NOT NULL CHECK (event_type IN ('TokenExpired', 'TokenInvalid', 'AccessDenied', 'AccessGranted', 'SuspiciousActivity')),
    severity         TEXT NOT NULL CHECK (severity IN ('Info', 'Warning', 'Error', 'Critical')),
    user_id          TEXT NULL,
    user_name        TEXT NULL,
    ip_address       TEXT NULL,
    endpoint         TEXT NULL,
    details          TEXT NULL CHECK (details IS NULL OR json_type(details) = 'object')
);
CREATE INDEX IF NOT EXISTS ix_security_audit_event_occurred_at ON security_audit_event (occurred_at);
CREATE INDEX IF NOT EXISTS ix_security_audit_event_type ON security_audit_event (event_type, occurred_at);
CREATE INDEX IF NOT EXISTS ix_security_audit_event_user_id ON security_audit_event (user_id, occurred_at);
CREATE INDEX IF NOT EXISTS ix_security_audit_event_request_event_id ON security_audit_event (request_event_id);
