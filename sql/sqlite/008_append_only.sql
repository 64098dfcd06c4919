-- AspNetAuditTrail schema version 8 (SQLite): the audit tables are append-only. UPDATE and DELETE are refused unless
-- the transaction says it is retention or anonymisation (audit_maintenance.active = 1, set and reset inside it, as
-- the store does). This stops accidental and casual changes; it does not stop someone who can write this file.

CREATE TABLE IF NOT EXISTS audit_maintenance (
    id     INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    active INTEGER NOT NULL DEFAULT 0
);
INSERT OR IGNORE INTO audit_maintenance (id, active) VALUES (1, 0);

CREATE TRIGGER IF NOT EXISTS audit_append_only_request_audit_event_update BEFORE UPDATE ON request_audit_event
WHEN (SELECT active FROM audit_maintenance WHERE id = 1) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'The audit trail is append-only: UPDATE on request_audit_event is refused (retention and anonymisation run through AspNetAuditTrail).');
END;

CREATE TRIGGER IF NOT EXISTS audit_append_only_request_audit_event_delete BEFORE DELETE ON request_audit_event
WHEN (SELECT active FROM audit_maintenance WHERE id = 1) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'The audit trail is append-only: DELETE on request_audit_event is refused (retention and anonymisation run through AspNetAuditTrail).');
END;

CREATE TRIGGER IF NOT EXISTS audit_append_only_login_audit_event_update BEFORE UPDATE ON login_audit_event
WHEN (SELECT active FROM audit_maintenance WHERE id = 1) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'The audit trail is append-only: UPDATE on login_audit_event is refused (retention and anonymisation run through AspNetAuditTrail).');
END;

CREATE TRIGGER IF NOT EXISTS audit_append_only_login_audit_event_delete BEFORE DELETE ON login_audit_event
WHEN (SELECT active FROM audit_maintenance WHERE id = 1) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'The audit trail is append-only: DELETE on login_audit_event is refused (retention and anonymisation run through AspNetAuditTrail).');
END;

CREATE TRIGGER IF NOT EXISTS audit_append_only_security_audit_event_update BEFORE UPDATE ON security_audit_event
WHEN (SELECT active FROM audit_maintenance WHERE id = 1) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'The audit trail is append-only: UPDATE on security_audit_event is refused (retention and anonymisation run through AspNetAuditTrail).');
END;

CREATE TRIGGER IF NOT EXISTS audit_append_only_security_audit_event_delete BEFORE DELETE ON security_audit_event
WHEN (SELECT active FROM audit_maintenance WHERE id = 1) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'The audit trail is append-only: DELETE on security_audit_event is refused (retention and anonymisation run through AspNetAuditTrail).');
END;

CREATE TRIGGER IF NOT EXISTS audit_append_only_process_audit_event_update BEFORE UPDATE ON process_audit_event
WHEN (SELECT active FROM audit_maintenance WHERE id = 1) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'The audit trail is append-only: UPDATE on process_audit_event is refused (retention and anonymisation run through AspNetAuditTrail).');
END;

CREATE TRIGGER IF NOT EXISTS audit_append_only_process_audit_event_delete BEFORE DELETE ON process_audit_event
WHEN (SELECT active FROM audit_maintenance WHERE id = 1) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'The audit trail is append-only: DELETE on process_audit_event is refused (retention and anonymisation run through AspNetAuditTrail).');
END;

CREATE TRIGGER IF NOT EXISTS audit_append_only_step_audit_event_update BEFORE UPDATE ON step_audit_event
WHEN (SELECT active FROM audit_maintenance WHERE id = 1) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'The audit trail is append-only: UPDATE on step_audit_event is refused (retention and anonymisation run through AspNetAuditTrail).');
END;

CREATE TRIGGER IF NOT EXISTS audit_append_only_step_audit_event_delete BEFORE DELETE ON step_audit_event
WHEN (SELECT active FROM audit_maintenance WHERE id = 1) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'The audit trail is append-only: DELETE on step_audit_event is refused (retention and anonymisation run through AspNetAuditTrail).');
END;

CREATE TRIGGER IF NOT EXISTS audit_append_only_registration_audit_event_update BEFORE UPDATE ON registration_audit_event
WHEN (SELECT active FROM audit_maintenance WHERE id = 1) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'The audit trail is append-only: UPDATE on registration_audit_event is refused (retention and anonymisation run through AspNetAuditTrail).');
END;

CREATE TRIGGER IF NOT EXISTS audit_append_only_registration_audit_event_delete BEFORE DELETE ON registration_audit_event
WHEN (SELECT active FROM audit_maintenance WHERE id = 1) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'The audit trail is append-only: DELETE on registration_audit_event is refused (retention and anonymisation run through AspNetAuditTrail).');
END;

CREATE TRIGGER IF NOT EXISTS audit_append_only_audit_event_update BEFORE UPDATE ON audit_event
WHEN (SELECT active FROM audit_maintenance WHERE id = 1) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'The audit trail is append-only: UPDATE on audit_event is refused (retention and anonymisation run through AspNetAuditTrail).');
END;

CREATE TRIGGER IF NOT EXISTS audit_append_only_audit_event_delete BEFORE DELETE ON audit_event
WHEN (SELECT active FROM audit_maintenance WHERE id = 1) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'The audit trail is append-only: DELETE on audit_event is refused (retention and anonymisation run through AspNetAuditTrail).');
END;
