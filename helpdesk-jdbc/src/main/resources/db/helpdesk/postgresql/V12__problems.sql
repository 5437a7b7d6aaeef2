-- helpdesk schema, version 12 (PostgreSQL)
-- Problems: one row per problem (its revision for optimistic locking), the hand-offs to the
-- developers waiting for a developer bridge (the problem's own outbox), and the problem a
-- problem_linked / problem_unlinked ticket event names. Which tickets a problem has is read from
-- those events, so a link is written with the ticket's events, in the ticket's commit.
ALTER TABLE hd_ticket_event ADD COLUMN problem_id UUID;
CREATE INDEX hd_ticket_event_problem_ix ON hd_ticket_event (tenant_id, problem_id);

CREATE TABLE hd_problem (
    tenant_id             VARCHAR(64)   NOT NULL,
    id                    UUID          NOT NULL,
    revision              BIGINT        NOT NULL,
    title                 VARCHAR(200)  NOT NULL,
    description           TEXT  NOT NULL,
    status                VARCHAR(16)   NOT NULL,
    root_cause            TEXT,
    workaround            TEXT,
    workaround_article_id UUID,
    fixed_in              VARCHAR(200),
    tracker_reference     VARCHAR(200),
    handed_off_at         TIMESTAMPTZ,
    handed_off_at_nanos   INTEGER,
    created_by_kind       VARCHAR(16)   NOT NULL,
    created_by_id         VARCHAR(128)  NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    created_at_nanos      INTEGER       NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    updated_at_nanos      INTEGER       NOT NULL,
    CONSTRAINT hd_problem_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX hd_problem_created_ix ON hd_problem (tenant_id, created_at);

CREATE TABLE hd_problem_handoff (
    id                    UUID          NOT NULL,
    tenant_id             VARCHAR(64)   NOT NULL,
    problem_id            UUID          NOT NULL,
    version               BIGINT        NOT NULL,
    requested_at          TIMESTAMPTZ NOT NULL,
    requested_at_nanos    INTEGER       NOT NULL,
    state                 VARCHAR(16)   NOT NULL,
    attempts              INTEGER       NOT NULL,
    next_attempt_at       TIMESTAMPTZ NOT NULL,
    next_attempt_at_nanos INTEGER       NOT NULL,
    reference             VARCHAR(200),
    last_error            VARCHAR(1000),
    CONSTRAINT hd_problem_handoff_pk PRIMARY KEY (id)
);
CREATE INDEX hd_problem_handoff_due_ix ON hd_problem_handoff (state, next_attempt_at);
CREATE INDEX hd_problem_handoff_problem_ix ON hd_problem_handoff (tenant_id, problem_id);
