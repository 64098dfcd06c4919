-- AspNetAuditTrail schema version 11 (PostgreSQL): indexes chosen from the admin and report filters. A tenant's rows are
-- read newest first, with or without the second level: the tenant index is (tenant_id, occurred_at), which gives that
-- order, instead of (tenant_id, subtenant_id, occurred_at), which gave it only when the second level was named.
-- Entity changes are filtered by action (deletions, say) newest first. The path and route indexes served no query (a
-- path filter is a LIKE pattern, which neither index can answer, and nothing filters by route): they cost each row
-- written and are dropped. The tenant and chain indexes hold only rows that have a tenant and a seal: an app without
-- tenants or without tamper evidence (the default) no longer writes an index entry for each row that no query reads.

DROP INDEX IF EXISTS ix_request_audit_event_tenant;
CREATE INDEX IF NOT EXISTS ix_request_audit_event_tenant_time ON request_audit_event (tenant_id, occurred_at) WHERE tenant_id IS NOT NULL;
DROP INDEX IF EXISTS ix_request_audit_event_chain;
CREATE INDEX IF NOT EXISTS ix_request_audit_event_chain ON request_audit_event (chain_id, chain_seq) WHERE chain_id IS NOT NULL;
DROP INDEX IF EXISTS ix_login_audit_event_tenant;
CREATE INDEX IF NOT EXISTS ix_login_audit_event_tenant_time ON login_audit_event (tenant_id, occurred_at) WHERE tenant_id IS NOT NULL;
DROP INDEX IF EXISTS ix_login_audit_event_chain;
CREATE INDEX IF NOT EXISTS ix_login_audit_event_chain ON login_audit_event (chain_id, chain_seq) WHERE chain_id IS NOT NULL;
DROP INDEX IF EXISTS ix_security_audit_event_tenant;
CREATE INDEX IF NOT EXISTS ix_security_audit_event_tenant_time ON security_audit_event (tenant_id, occurred_at) WHERE tenant_id IS NOT NULL;
DROP INDEX IF EXISTS ix_security_audit_event_chain;
CREATE INDEX IF NOT EXISTS ix_security_audit_event_chain ON security_audit_event (chain_id, chain_seq) WHERE chain_id IS NOT NULL;
DROP INDEX IF EXISTS ix_process_audit_event_tenant;
CREATE INDEX IF NOT EXISTS ix_process_audit_event_tenant_time ON process_audit_event (tenant_id, occurred_at) WHERE tenant_id IS NOT NULL;
DROP INDEX IF EXISTS ix_process_audit_event_chain;
CREATE INDEX IF NOT EXISTS ix_process_audit_event_chain ON process_audit_event (chain_id, chain_seq) WHERE chain_id IS NOT NULL;
DROP INDEX IF EXISTS ix_step_audit_event_tenant;
CREATE INDEX IF NOT EXISTS ix_step_audit_event_tenant_time ON step_audit_event (tenant_id, occurred_at) WHERE tenant_id IS NOT NULL;
DROP INDEX IF EXISTS ix_step_audit_event_chain;
CREATE INDEX IF NOT EXISTS ix_step_audit_event_chain ON step_audit_event (chain_id, chain_seq) WHERE chain_id IS NOT NULL;
DROP INDEX IF EXISTS ix_registration_audit_event_tenant;
CREATE INDEX IF NOT EXISTS ix_registration_audit_event_tenant_time ON registration_audit_event (tenant_id, occurred_at) WHERE tenant_id IS NOT NULL;
DROP INDEX IF EXISTS ix_registration_audit_event_chain;
CREATE INDEX IF NOT EXISTS ix_registration_audit_event_chain ON registration_audit_event (chain_id, chain_seq) WHERE chain_id IS NOT NULL;
DROP INDEX IF EXISTS ix_audit_event_tenant;
CREATE INDEX IF NOT EXISTS ix_audit_event_tenant_time ON audit_event (tenant_id, occurred_at) WHERE tenant_id IS NOT NULL;
DROP INDEX IF EXISTS ix_audit_event_chain;
CREATE INDEX IF NOT EXISTS ix_audit_event_chain ON audit_event (chain_id, chain_seq) WHERE chain_id IS NOT NULL;
DROP INDEX IF EXISTS ix_entity_change_audit_event_tenant;
CREATE INDEX IF NOT EXISTS ix_entity_change_audit_event_tenant_time ON entity_change_audit_event (tenant_id, occurred_at) WHERE tenant_id IS NOT NULL;
DROP INDEX IF EXISTS ix_entity_change_audit_event_chain;
CREATE INDEX IF NOT EXISTS ix_entity_change_audit_event_chain ON entity_change_audit_event (chain_id, chain_seq) WHERE chain_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_entity_change_audit_event_action ON entity_change_audit_event (action, occurred_at);
DROP INDEX IF EXISTS ix_request_audit_event_path;
DROP INDEX IF EXISTS ix_request_audit_event_route_template;
