-- helpdesk schema, version 8 (H2)
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
    ticket_id         UUID,
    ticket_version    BIGINT,
    rejection_subject CHARACTER VARYING,
    rejection_ref     CHARACTER VARYING,
    rejection_reason  CHARACTER VARYING,
    recorded_at       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    recorded_nanos    INTEGER      NOT NULL,
    CONSTRAINT hd_idempotency_pk PRIMARY KEY (tenant_id, idem_key)
);

-- the field errors of a recorded INVALID rejection, in their order
CREATE TABLE hd_idempotency_error (
    tenant_id   VARCHAR(64)  NOT NULL,
    idem_key    VARCHAR(128) NOT NULL,
    error_index INTEGER      NOT NULL,
    field       CHARACTER VARYING NOT NULL,
    problem     CHARACTER VARYING NOT NULL,
    CONSTRAINT hd_idempotency_error_pk PRIMARY KEY (tenant_id, idem_key, error_index)
);

-- the hotline's call log: one row per call, with the ticket that registers it; duration in
-- nanoseconds (at most 24 hours); outcome SOLVED_ON_CALL, TICKET_OPENED or CALLBACK_PROMISED
CREATE TABLE hd_phone_call (
    tenant_id      VARCHAR(64)  NOT NULL,
    id             UUID NOT NULL,
    caller         VARCHAR(254) NOT NULL,
    customer_id    VARCHAR(128) NOT NULL,
    agent_id       VARCHAR(128),
    started_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    started_nanos  INTEGER      NOT NULL,
    duration_nanos BIGINT       NOT NULL,
    outcome        VARCHAR(32)  NOT NULL,
    ticket_id      UUID NOT NULL,
    CONSTRAINT hd_phone_call_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX hd_phone_call_started_ix ON hd_phone_call (tenant_id, started_at, started_nanos, id);
CREATE INDEX hd_phone_call_ticket_ix ON hd_phone_call (tenant_id, ticket_id);

-- live chat sessions: status WAITING, ACTIVE, SOLVED or TICKETED; version for optimistic saves
CREATE TABLE hd_chat_session (
    tenant_id            VARCHAR(64)  NOT NULL,
    id                   UUID NOT NULL,
    customer_id          VARCHAR(128) NOT NULL,
    group_id             VARCHAR(128) NOT NULL,
    waiting_since        TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    waiting_nanos        INTEGER      NOT NULL,
    agent_id             VARCHAR(128),
    first_response_at    TIMESTAMP(9) WITH TIME ZONE,
    first_response_nanos INTEGER,
    status               VARCHAR(16)  NOT NULL,
    ticket_id            UUID,
    version              BIGINT       NOT NULL,
    CONSTRAINT hd_chat_session_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX hd_chat_session_open_ix ON hd_chat_session (tenant_id, status, waiting_since, waiting_nanos);

-- a chat's transcript, one row per line in order
CREATE TABLE hd_chat_line (
    tenant_id   VARCHAR(64)  NOT NULL,
    chat_id     UUID NOT NULL,
    line_index  INTEGER      NOT NULL,
    written_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    written_nanos INTEGER    NOT NULL,
    author_kind VARCHAR(16)  NOT NULL,
    author_id   VARCHAR(128) NOT NULL,
    text        CHARACTER VARYING NOT NULL,
    CONSTRAINT hd_chat_line_pk PRIMARY KEY (tenant_id, chat_id, line_index)
);

-- community forum posts the desk tracks: status UNANSWERED, COMMUNITY_ANSWERED, PICKED_UP,
-- ANSWERED or ACCEPTED; the ticket a post became and the agent's answer
CREATE TABLE hd_forum_post (
    tenant_id    VARCHAR(64)  NOT NULL,
    id           VARCHAR(128) NOT NULL,
    author_id    VARCHAR(128) NOT NULL,
    title        CHARACTER VARYING NOT NULL,
    body         CHARACTER VARYING NOT NULL,
    posted_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    posted_nanos INTEGER      NOT NULL,
    status       VARCHAR(24)  NOT NULL,
    ticket_id    UUID,
    answer       CHARACTER VARYING,
    version      BIGINT       NOT NULL,
    CONSTRAINT hd_forum_post_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX hd_forum_post_status_ix ON hd_forum_post (tenant_id, status, posted_at, posted_nanos);
