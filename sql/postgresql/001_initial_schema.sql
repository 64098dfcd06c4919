-- AspNetAuditTrail schema version 1 (PostgreSQL).
-- Tables are created in the connection's schema (the first of its search_path).
-- Ids are time-ordered UUIDs (version 7) made by the application; times are timestamptz (UTC).
-- JSON columns hold a JSON object or NULL, never the JSON value null.

CREATE TABLE IF NOT EXISTS request_audit_event (
    id                    uuid             NOT NULL PRIMARY KEY,
    occurred_at           timestamptz      NOT NULL,
    method                varchar(32)      NOT NULL,
    scheme                varchar(16)      NOT NULL,
    host                  varchar(255)     NULL,
    path                  varchar(2048)    NOT NULL,
    query_string          text             NULL,
    status_code           integer          NOT NULL,
    duration_ms           double precision NOT NULL,
    response_size         bigint           NULL,
    ip_address            varchar(64)      NULL,
    user_agent            varchar(512)     NULL,
    user_id               varchar(256)     NULL,
    request_content_type  varchar(255)     NULL,
    request_body          text             NULL,
    request_body_status   varchar(32)      NOT NULL,
    response_content_type varchar(255)     NULL,
    response_body         text             NULL,
    response_body_status  varchar(32)      NOT NULL,
    error_type            varchar(512)     NULL,
    error_message         text             NULL,
    error_stacktrace      text             NULL,
    extra_information     jsonb            NULL CHECK (extra_information IS NULL OR jsonb_typeof(extra_information) = 'object'),
    trace_id              varchar(32)      NULL,
    request_id            varchar(128)     NULL
);
CREATE INDEX IF NOT EXISTS ix_request_audit_event_occurred_at ON request_audit_event (occurred_at);
CREATE INDEX IF NOT EXISTS ix_request_audit_event_user_id ON request_audit_event (user_id, occurred_at);
-- A prefix of the path: a btree entry must stay well under its size limit whatever the path holds.
CREATE INDEX IF NOT EXISTS ix_request_audit_event_path ON request_audit_event ((left(path, 256)), occurred_at);
CREATE INDEX IF NOT EXISTS ix_request_audit_event_status_code ON request_audit_event (status_code, occurred_at);

-- Sign-in, sign-out and failed sign-in, each linked to the request that carried it.
CREATE TABLE IF NOT EXISTS login_audit_event (
    id                uuid         NOT NULL PRIMARY KEY,
    occurred_at       timestamptz  NOT NULL,
    request_event_id  uuid         NULL REFERENCES request_audit_event (id),
    status            varchar(16)  NOT NULL CHECK (status IN ('SignIn', 'SignOut', 'Failed')),
    user_name         varchar(256) NULL,
    user_id           varchar(256) NULL,
    ip_address        varchar(64)  NULL,
    extra_information jsonb        NULL CHECK (extra_information IS NULL OR jsonb_typeof(extra_information) = 'object')
);
CREATE INDEX IF NOT EXISTS ix_login_audit_event_occurred_at ON login_audit_event (occurred_at);
CREATE INDEX IF NOT EXISTS ix_login_audit_event_user_name ON login_audit_event (user_name, occurred_at);
CREATE INDEX IF NOT EXISTS ix_login_audit_event_request_event_id ON login_audit_event (request_event_id);

-- A business process, linked to the request it ran in (NULL outside a request).
CREATE TABLE IF NOT EXISTS process_audit_event (
    id                uuid         NOT NULL PRIMARY KEY,
    occurred_at       timestamptz  NOT NULL,
    request_event_id  uuid         NULL REFERENCES request_audit_event (id),
    name              varchar(255) NOT NULL,
    description       text         NULL,
    created_by        varchar(256) NULL,
    extra_information jsonb        NULL CHECK (extra_information IS NULL OR jsonb_typeof(extra_information) = 'object')
);
CREATE INDEX IF NOT EXISTS ix_process_audit_event_occurred_at ON process_audit_event (occurred_at);
CREATE INDEX IF NOT EXISTS ix_process_audit_event_request_event_id ON process_audit_event (request_event_id);

-- A step of a process, with the number of registrations it expects.
CREATE TABLE IF NOT EXISTS step_audit_event (
    id                     uuid         NOT NULL PRIMARY KEY,
    occurred_at            timestamptz  NOT NULL,
    process_id             uuid         NOT NULL REFERENCES process_audit_event (id),
    name                   varchar(255) NOT NULL,
    description            text         NULL,
    step_order             integer      NOT NULL,
    expected_registrations integer      NOT NULL DEFAULT 1 CHECK (expected_registrations >= 0),
    created_by             varchar(256) NULL
);
CREATE INDEX IF NOT EXISTS ix_step_audit_event_process_id ON step_audit_event (process_id, step_order);

-- One registration (success or failure) of a step.
CREATE TABLE IF NOT EXISTS registration_audit_event (
    id          uuid         NOT NULL PRIMARY KEY,
    occurred_at timestamptz  NOT NULL,
    step_id     uuid         NOT NULL REFERENCES step_audit_event (id),
    success     boolean      NOT NULL,
    name        varchar(255) NULL,
    description text         NULL,
    created_by  varchar(256) NULL
);
CREATE INDEX IF NOT EXISTS ix_registration_audit_event_step_id ON registration_audit_event (step_id);
