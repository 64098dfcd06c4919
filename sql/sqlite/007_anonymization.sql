-- AspNetAuditTrail schema version 7 (SQLite): on every table when the row's personal data was anonymised (replaced by
-- pseudonyms, or removed); NULL while the row holds them as recorded.

ALTER TABLE request_audit_event ADD COLUMN anonymized_at TEXT NULL;
ALTER TABLE login_audit_event ADD COLUMN anonymized_at TEXT NULL;
ALTER TABLE security_audit_event ADD COLUMN anonymized_at TEXT NULL;
ALTER TABLE process_audit_event ADD COLUMN anonymized_at TEXT NULL;
ALTER TABLE step_audit_event ADD COLUMN anonymized_at TEXT NULL;
ALTER TABLE registration_audit_event ADD COLUMN anonymized_at TEXT NULL;
ALTER TABLE audit_event ADD COLUMN anonymized_at TEXT NULL;
