-- AspNetAuditTrail schema version 2 (SQLite): what the MVC action or minimal-API handler did,
-- recorded on the request's row by the audit filters.

ALTER TABLE request_audit_event ADD COLUMN controller TEXT NULL;
ALTER TABLE request_audit_event ADD COLUMN action TEXT NULL;
ALTER TABLE request_audit_event ADD COLUMN route_template TEXT NULL;
ALTER TABLE request_audit_event ADD COLUMN route_values TEXT NULL
    CHECK (route_values IS NULL OR json_type(route_values) = 'object');
ALTER TABLE request_audit_event ADD COLUMN action_arguments TEXT NULL
    CHECK (action_arguments IS NULL OR json_type(action_arguments) = 'object');
ALTER TABLE request_audit_event ADD COLUMN validation_errors TEXT NULL
    CHECK (validation_errors IS NULL OR json_type(validation_errors) = 'object');
ALTER TABLE request_audit_event ADD COLUMN result_type TEXT NULL;
ALTER TABLE request_audit_event ADD COLUMN result_status_code INTEGER NULL;

CREATE INDEX IF NOT EXISTS ix_request_audit_event_route_template ON request_audit_event (route_template, occurred_at);
