-- AspNetAuditTrail schema version 6 (SQLite): leases, so that one app instance at a time runs a job over the audit
-- database (retention): a holder keeps a lease by renewing it before it expires; an expired lease is free to take.

CREATE TABLE IF NOT EXISTS audit_lease (
    name       TEXT NOT NULL PRIMARY KEY,
    holder     TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
