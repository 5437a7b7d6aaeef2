-- helpdesk schema, version 12 (MariaDB)
-- Problems: one row per problem (its revision for optimistic locking), the hand-offs to the
-- developers waiting for a developer bridge (the problem's own outbox), and the problem a
-- problem_linked / problem_unlinked ticket event names. Which tickets a problem has is read from
-- those events, so a link is written with the ticket's events, in the ticket's commit.
ALTER TABLE hd_ticket_event ADD COLUMN problem_id CHAR(36);
CREATE INDEX hd_ticket_event_problem_ix ON hd_ticket_event (tenant_id, problem_id);

CREATE TABLE hd_problem (
    tenant_id             VARCHAR(64)   NOT NULL,
    id                    CHAR(36)      NOT NULL,
    revision              BIGINT        NOT NULL,
    title                 VARCHAR(200)  NOT NULL,
    description           MEDIUMTEXT  NOT NULL,
    status                VARCHAR(16)   NOT NULL,
    root_cause            MEDIUMTEXT,
    workaround            MEDIUMTEXT,
    workaround_article_id CHAR(36),
    fixed_in              VARCHAR(200),
    tracker_reference     VARCHAR(200),
    handed_off_at         DATETIME(6),
    handed_off_at_nanos   INTEGER,
    created_by_kind       VARCHAR(16)   NOT NULL,
    created_by_id         VARCHAR(128)  NOT NULL,
    created_at            DATETIME(6) NOT NULL,
    created_at_nanos      INTEGER       NOT NULL,
    updated_at            DATETIME(6) NOT NULL,
    updated_at_nanos      INTEGER       NOT NULL,
    CONSTRAINT hd_problem_pk PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX hd_problem_created_ix ON hd_problem (tenant_id, created_at);

CREATE TABLE hd_problem_handoff (
    id                    CHAR(36)      NOT NULL,
    tenant_id             VARCHAR(64)   NOT NULL,
    problem_id            CHAR(36)      NOT NULL,
    version               BIGINT        NOT NULL,
    requested_at          DATETIME(6) NOT NULL,
    requested_at_nanos    INTEGER       NOT NULL,
    state                 VARCHAR(16)   NOT NULL,
    attempts              INTEGER       NOT NULL,
    next_attempt_at       DATETIME(6) NOT NULL,
    next_attempt_at_nanos INTEGER       NOT NULL,
    reference             VARCHAR(200),
    last_error            VARCHAR(1000),
    CONSTRAINT hd_problem_handoff_pk PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX hd_problem_handoff_due_ix ON hd_problem_handoff (state, next_attempt_at);
CREATE INDEX hd_problem_handoff_problem_ix ON hd_problem_handoff (tenant_id, problem_id);
