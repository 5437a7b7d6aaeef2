-- helpdesk schema, version 8 (PostgreSQL)
-- Channels: the outcomes of requests sent under idempotency keys.

-- one row per tenant and key, written in the same transaction as the command's tickets; the
-- primary key is what makes a concurrent retry of the same request wait and then find the key
-- taken. outcome: ANSWERED (ticket_id at ticket_version), or the kind of a final rejection
-- (NOT_FOUND, NOT_ALLOWED, INVALID_TRANSITION, INVALID) with its parts
CREATE TABLE hd_idempotency (
    tenant_id         VARCHAR(64)  NOT NULL,
    idem_key          VARCHAR(128) NOT NULL,
    fingerprint       CHAR(64)     NOT NULL,
    outcome           VARCHAR(32)  NOT NULL,
    ticket_id         UUID,
    ticket_version    BIGINT,
    rejection_subject TEXT,
    rejection_ref     TEXT,
    rejection_reason  TEXT,
    recorded_at       TIMESTAMPTZ NOT NULL,
    recorded_nanos    INTEGER      NOT NULL,
    CONSTRAINT hd_idempotency_pk PRIMARY KEY (tenant_id, idem_key)
);

-- the field errors of a recorded INVALID rejection, in their order
CREATE TABLE hd_idempotency_error (
    tenant_id   VARCHAR(64)  NOT NULL,
    idem_key    VARCHAR(128) NOT NULL,
    error_index INTEGER      NOT NULL,
    field       TEXT NOT NULL,
    problem     TEXT NOT NULL,
    CONSTRAINT hd_idempotency_error_pk PRIMARY KEY (tenant_id, idem_key, error_index)
);
