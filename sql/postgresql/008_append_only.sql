-- AspNetAuditTrail schema version 8 (PostgreSQL): the audit tables are append-only. UPDATE, DELETE and TRUNCATE are
-- refused unless the transaction says it is retention or anonymisation (SET LOCAL audit_trail.maintenance = 'on', as
-- the store does). This stops accidental and casual changes; it does not stop a role that can drop triggers.

CREATE OR REPLACE FUNCTION audit_trail_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('audit_trail.maintenance', true), '') <> 'on' THEN
        RAISE EXCEPTION 'The audit trail is append-only: % on % is refused (retention and anonymisation run through AspNetAuditTrail).', TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_LEVEL = 'STATEMENT' THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;

DROP TRIGGER IF EXISTS audit_append_only ON request_audit_event;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON request_audit_event FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only();
DROP TRIGGER IF EXISTS audit_append_only_truncate ON request_audit_event;
CREATE TRIGGER audit_append_only_truncate BEFORE TRUNCATE ON request_audit_event FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_append_only();

DROP TRIGGER IF EXISTS audit_append_only ON login_audit_event;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON login_audit_event FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only();
DROP TRIGGER IF EXISTS audit_append_only_truncate ON login_audit_event;
CREATE TRIGGER audit_append_only_truncate BEFORE TRUNCATE ON login_audit_event FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_append_only();

DROP TRIGGER IF EXISTS audit_append_only ON security_audit_event;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON security_audit_event FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only();
DROP TRIGGER IF EXISTS audit_append_only_truncate ON security_audit_event;
CREATE TRIGGER audit_append_only_truncate BEFORE TRUNCATE ON security_audit_event FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_append_only();

DROP TRIGGER IF EXISTS audit_append_only ON process_audit_event;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON process_audit_event FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only();
DROP TRIGGER IF EXISTS audit_append_only_truncate ON process_audit_event;
CREATE TRIGGER audit_append_only_truncate BEFORE TRUNCATE ON process_audit_event FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_append_only();

DROP TRIGGER IF EXISTS audit_append_only ON step_audit_event;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON step_audit_event FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only();
DROP TRIGGER IF EXISTS audit_append_only_truncate ON step_audit_event;
CREATE TRIGGER audit_append_only_truncate BEFORE TRUNCATE ON step_audit_event FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_append_only();

DROP TRIGGER IF EXISTS audit_append_only ON registration_audit_event;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON registration_audit_event FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only();
DROP TRIGGER IF EXISTS audit_append_only_truncate ON registration_audit_event;
CREATE TRIGGER audit_append_only_truncate BEFORE TRUNCATE ON registration_audit_event FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_append_only();

DROP TRIGGER IF EXISTS audit_append_only ON audit_event;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only();
DROP TRIGGER IF EXISTS audit_append_only_truncate ON audit_event;
CREATE TRIGGER audit_append_only_truncate BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_append_only();
