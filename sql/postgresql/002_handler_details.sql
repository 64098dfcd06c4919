-- AspNetAuditTrail schema version 2 (PostgreSQL): what the MVC action or minimal-API handler did,
-- recorded on the request's row by the audit filters.

ALTER TABLE request_audit_event
    ADD COLUMN IF NOT EXISTS controller         varchar(256)  NULL,
    ADD COLUMN IF NOT EXISTS action             varchar(512)  NULL,
    ADD COLUMN IF NOT EXISTS route_template     varchar(400)  NULL,
    ADD COLUMN IF NOT EXISTS route_values       jsonb         NULL CHECK (route_values IS NULL OR jsonb_typeof(route_values) = 'object'),
    ADD COLUMN IF NOT EXISTS action_arguments   jsonb         NULL CHECK (action_arguments IS NULL OR jsonb_typeof(action_arguments) = 'object'),
    ADD COLUMN IF NOT EXISTS validation_errors  jsonb         NULL CHECK (validation_errors IS NULL OR jsonb_typeof(validation_errors) = 'object'),
    ADD COLUMN IF NOT EXISTS result_type        varchar(512)  NULL,
    ADD COLUMN IF NOT EXISTS result_status_code integer       NULL;

CREATE INDEX IF NOT EXISTS ix_request_audit_event_route_template ON request_audit_event (route_template, occurred_at);
