-- AspNetAuditTrail schema version 1 (SQLite).
-- Ids are time-ordered UUIDs (version 7) made by the application, stored as text.
-- Times are UTC, stored as ISO-8601 text (yyyy-MM-ddTHH:mm:ss.fffffffZ), so they sort as text.
-- JSON columns hold a JSON object or NULL, never the string 'null'.

CREATE TABLE IF NOT EXISTS request_audit_event (
    id                    TEXT    NOT NULL PRIMARY KEY,
    occurred_at           TEXT    NOT NULL,
    method                TEXT    NOT NULL,
    scheme                TEXT    NOT NULL,
    host                  TEXT    NULL,
    path                  TEXT    NOT NULL,
    query_string          TEXT    NULL,
    status_code           INTEGER NOT NULL,
    duration_ms           REAL    NOT NULL,
    response_size         INTEGER NULL,
    ip_address            TEXT    NULL,
    user_agent            TEXT    NULL,
    user_id               TEXT    NULL,
    request_content_type  TEXT    NULL,
    request_body          TEXT    NULL,
    request_body_status   TEXT    NOT NULL,
    response_content_type TEXT    NULL,
    response_body         TEXT    NULL,
    response_body_status  TEXT    NOT NULL,
    error_type            TEXT    NULL,
    error_message         TEXT    NULL,
    error_stacktrace      TEXT    NULL,
    extra_information     TEXT    NULL CHECK (extra_information IS NULL OR json_type(extra_information) = 'object'),
    trace_id              TEXT    NULL,
    request_id            TEXT    NULL
);
CREATE INDEX IF NOT EXISTS ix_request_audit_event_occurred_at ON request_audit_event (occurred_at);
CREATE INDEX IF NOT EXISTS ix_request_audit_event_user_id ON request_audit_event (user_id, occurred_at);
CREATE INDEX IF NOT EXISTS ix_request_audit_event_path ON request_audit_event (path, occurred_at);
CREATE INDEX IF NOT EXISTS ix_request_audit_event_status_code ON request_audit_event (status_code, occurred_at);

-- Sign-in, sign-out and failed sign-in, each linked to the request that carried it.
CREATE TABLE IF NOT EXISTS login_audit_event (
    id                TEXT NOT NULL PRIMARY KEY,
    occurred_at       TEXT NOT NULL,
    request_event_id  TEXT NULL REFERENCES request_audit_event (id),
    status            TEXT NOT NULL CHECK (status IN ('SignIn', 'SignOut', 'Failed')),
    user_name         TEXT NULL,
    user_id           TEXT NULL,
    ip_address        TEXT NULL,
    extra_information TEXT NULL CHECK (extra_information IS NULL OR json_type(extra_information) = 'object')
);
CREATE INDEX IF NOT EXISTS ix_login_audit_event_occurred_at ON login_audit_event (occurred_at);
CREATE INDEX IF NOT EXISTS ix_login_audit_event_user_name ON login_audit_event (user_name, occurred_at);
CREATE INDEX IF NOT EXISTS ix_login_audit_event_request_event_id ON login_audit_event (request_event_id);

-- A business process, linked to the request it ran in (NULL outside a request).
CREATE TABLE IF NOT EXISTS process_audit_event (
    id                TEXT NOT NULL PRIMARY KEY,
    occurred_at       TEXT NOT NULL,
    request_event_id  TEXT NULL REFERENCES request_audit_event (id),
    name              TEXT NOT NULL,
    description       TEXT NULL,
    created_by        TEXT NULL,
    extra_information TEXT NULL CHECK (extra_information IS NULL OR json_type(extra_information) = 'object')
);
CREATE INDEX IF NOT EXISTS ix_process_audit_event_occurred_at ON process_audit_event (occurred_at);
CREATE INDEX IF NOT EXISTS ix_process_audit_event_request_event_id ON process_audit_event (request_event_id);

-- A step of a process, with the number of registrations it expects.
CREATE TABLE IF NOT EXISTS step_audit_event (
    id                     TEXT    NOT NULL PRIMARY KEY,
    occurred_at            TEXT    NOT NULL,
    process_id             TEXT    NOT NULL REFERENCES process_audit_event (id),
    name                   TEXT    NOT NULL,
    description            TEXT    NULL,
    step_order             INTEGER NOT NULL,
    expected_registrations INTEGER NOT NULL DEFAULT 1 CHECK (expected_registrations >= 0),
    created_by             TEXT    NULL
);
CREATE INDEX IF NOT EXISTS ix_step_audit_event_process_id ON step_audit_event (process_id, step_order);

-- One registration (success or failure) of a step.
CREATE TABLE IF NOT EXISTS registration_audit_event (
    id          TEXT    NOT NULL PRIMARY KEY,
    occurred_at TEXT    NOT NULL,
    step_id     TEXT    NOT NULL REFERENCES step_audit_event (id),
    success     INTEGER NOT NULL CHECK (success IN (0, 1)),
    name        TEXT    NULL,
    description TEXT    NULL,
    created_by  TEXT    NULL
);
CREATE INDEX IF NOT EXISTS ix_registration_audit_event_step_id ON registration_audit_event (step_id);
