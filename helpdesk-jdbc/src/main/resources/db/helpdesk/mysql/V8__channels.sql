-- helpdesk schema, version 8 (MySQL 8)
-- Channels: the outcomes of requests sent under idempotency keys, the hotline's call log and live
-- chat sessions with their transcripts, and the forum posts the desk tracks.

-- one row per tenant and key, written in the same transaction as the command's tickets; the
-- primary key is what makes a concurrent retry of the same request wait and then find the key
-- taken. outcome: ANSWERED (ticket_id at ticket_version), or the kind of a final rejection
-- (NOT_FOUND, NOT_ALLOWED, INVALID_TRANSITION, INVALID) with its parts
CREATE TABLE hd_idempotency (
    tenant_id         VARCHAR(64)  NOT NULL,
    idem_key          VARCHAR(128) NOT NULL,
    fingerprint       CHAR(64)     NOT NULL,
    outcome           VARCHAR(32)  NOT NULL,
    ticket_id         CHAR(36),
    ticket_version    BIGINT,
    rejection_subject MEDIUMTEXT,
    rejection_ref     MEDIUMTEXT,
    rejection_reason  MEDIUMTEXT,
    recorded_at       DATETIME(6) NOT NULL,
    recorded_nanos    INTEGER      NOT NULL,
    CONSTRAINT hd_idempotency_pk PRIMARY KEY (tenant_id, idem_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin;

-- the field errors of a recorded INVALID rejection, in their order
CREATE TABLE hd_idempotency_error (
    tenant_id   VARCHAR(64)  NOT NULL,
    idem_key    VARCHAR(128) NOT NULL,
    error_index INTEGER      NOT NULL,
    field       MEDIUMTEXT NOT NULL,
    problem     MEDIUMTEXT NOT NULL,
    CONSTRAINT hd_idempotency_error_pk PRIMARY KEY (tenant_id, idem_key, error_index)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin;

-- the hotline's call log: one row per call, with the ticket that registers it; duration in
-- nanoseconds (at most 24 hours); outcome SOLVED_ON_CALL, TICKET_OPENED or CALLBACK_PROMISED
CREATE TABLE hd_phone_call (
    tenant_id      VARCHAR(64)  NOT NULL,
    id             CHAR(36) NOT NULL,
    caller         VARCHAR(254) NOT NULL,
    customer_id    VARCHAR(128) NOT NULL,
    agent_id       VARCHAR(128),
    started_at     DATETIME(6) NOT NULL,
    started_nanos  INTEGER      NOT NULL,
    duration_nanos BIGINT       NOT NULL,
    outcome        VARCHAR(32)  NOT NULL,
    ticket_id      CHAR(36) NOT NULL,
    CONSTRAINT hd_phone_call_pk PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin;
CREATE INDEX hd_phone_call_started_ix ON hd_phone_call (tenant_id, started_at, started_nanos, id);
CREATE INDEX hd_phone_call_ticket_ix ON hd_phone_call (tenant_id, ticket_id);

-- live chat sessions: status WAITING, ACTIVE, SOLVED or TICKETED; version for optimistic saves
CREATE TABLE hd_chat_session (
    tenant_id            VARCHAR(64)  NOT NULL,
    id                   CHAR(36) NOT NULL,
    customer_id          VARCHAR(128) NOT NULL,
    group_id             VARCHAR(128) NOT NULL,
    waiting_since        DATETIME(6) NOT NULL,
    waiting_nanos        INTEGER      NOT NULL,
    agent_id             VARCHAR(128),
    first_response_at    DATETIME(6),
    first_response_nanos INTEGER,
    status               VARCHAR(16)  NOT NULL,
    ticket_id            CHAR(36),
    version              BIGINT       NOT NULL,
    CONSTRAINT hd_chat_session_pk PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin;
CREATE INDEX hd_chat_session_open_ix ON hd_chat_session (tenant_id, status, waiting_since, waiting_nanos);

-- a chat's transcript, one row per line in order
CREATE TABLE hd_chat_line (
    tenant_id   VARCHAR(64)  NOT NULL,
    chat_id     CHAR(36) NOT NULL,
    line_index  INTEGER      NOT NULL,
    written_at  DATETIME(6) NOT NULL,
    written_nanos INTEGER    NOT NULL,
    author_kind VARCHAR(16)  NOT NULL,
    author_id   VARCHAR(128) NOT NULL,
    text        MEDIUMTEXT NOT NULL,
    CONSTRAINT hd_chat_line_pk PRIMARY KEY (tenant_id, chat_id, line_index)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin;

-- community forum posts the desk tracks: status UNANSWERED, COMMUNITY_ANSWERED, PICKED_UP,
-- ANSWERED or ACCEPTED; the ticket a post became and the agent's answer
CREATE TABLE hd_forum_post (
    tenant_id    VARCHAR(64)  NOT NULL,
    id           VARCHAR(128) NOT NULL,
    author_id    VARCHAR(128) NOT NULL,
    title        MEDIUMTEXT NOT NULL,
    body         MEDIUMTEXT NOT NULL,
    posted_at    DATETIME(6) NOT NULL,
    posted_nanos INTEGER      NOT NULL,
    status       VARCHAR(24)  NOT NULL,
    ticket_id    CHAR(36),
    answer       MEDIUMTEXT,
    version      BIGINT       NOT NULL,
    CONSTRAINT hd_forum_post_pk PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin;
CREATE INDEX hd_forum_post_status_ix ON hd_forum_post (tenant_id, status, posted_at, posted_nanos);
