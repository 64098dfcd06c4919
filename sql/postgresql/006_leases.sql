-- AspNetAuditTrail schema version 6 (PostgreSQL): leases, so that one app instance at a time runs a job over the audit
-- database (retention): a holder keeps a lease by renewing it before it expires; an expired lease is free to take.

CREATE TABLE IF NOT EXISTS audit_lease (
    name       varchar(64)  NOT NULL PRIMARY KEY,
    holder     varchar(256) NOT NULL,
    expires_at timestamptz  NOT NULL
);
