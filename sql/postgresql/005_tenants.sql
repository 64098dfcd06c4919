-- AspNetAuditTrail schema version 5 (PostgreSQL): on every table the tenant a row belongs to (tenant_id, a company) and
-- the second level inside it (subtenant_id, a client or a licence), indexed with time for tenant-scoped reading.

ALTER TABLE request_audit_event ADD COLUMN IF NOT EXISTS tenant_id varchar(128) NULL, ADD COLUMN IF NOT EXISTS subtenant_id varchar(128) NULL;
CREATE INDEX IF NOT EXISTS ix_request_audit_event_tenant ON request_audit_event (tenant_id, subtenant_id, occurred_at);
ALTER TABLE login_audit_event ADD COLUMN IF NOT EXISTS tenant_id varchar(128) NULL, ADD COLUMN IF NOT EXISTS subtenant_id varchar(128) NULL;
CREATE INDEX IF NOT EXISTS ix_login_audit_event_tenant ON login_audit_event (tenant_id, subtenant_id, occurred_at);
ALTER TABLE security_audit_event ADD COLUMN IF NOT EXISTS tenant_id varchar(128) NULL, ADD COLUMN IF NOT EXISTS subtenant_id varchar(128) NULL;
CREATE INDEX IF NOT EXISTS ix_security_audit_event_tenant ON security_audit_event (tenant_id, subtenant_id, occurred_at);
ALTER TABLE process_audit_event ADD COLUMN IF NOT EXISTS tenant_id varchar(128) NULL, ADD COLUMN IF NOT EXISTS subtenant_id varchar(128) NULL;
CREATE INDEX IF NOT EXISTS ix_process_audit_event_tenant ON process_audit_event (tenant_id, subtenant_id, occurred_at);
ALTER TABLE step_audit_event ADD COLUMN IF NOT EXISTS tenant_id varchar(128) NULL, ADD COLUMN IF NOT EXISTS subtenant_id varchar(128) NULL;
CREATE INDEX IF NOT EXISTS ix_step_audit_event_tenant ON step_audit_event (tenant_id, subtenant_id, occurred_at);
ALTER TABLE registration_audit_event ADD COLUMN IF NOT EXISTS tenant_id varchar(128) NULL, ADD COLUMN IF NOT EXISTS subtenant_id varchar(128) NULL;
CREATE INDEX IF NOT EXISTS ix_registration_audit_event_tenant ON registration_audit_event (tenant_id, subtenant_id, occurred_at);
ALTER TABLE audit_event ADD COLUMN IF NOT EXISTS tenant_id varchar(128) NULL, ADD COLUMN IF NOT EXISTS subtenant_id varchar(128) NULL;
CREATE INDEX IF NOT EXISTS ix_audit_event_tenant ON audit_event (tenant_id, subtenant_id, occurred_at);
