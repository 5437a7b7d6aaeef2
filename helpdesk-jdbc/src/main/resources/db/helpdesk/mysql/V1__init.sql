-- helpdesk schema, version 1 (MySQL 8)
-- Instants are DATETIME(6) in UTC; text is utf8mb4 with a binary collation so ids keep their case.
-- Tickets: the current state of every ticket, one row each, typed columns for reports.
CREATE TABLE hd_ticket (
    tenant_id          VARCHAR(64)  NOT NULL,
    id                 CHAR(36)         NOT NULL,
    number             BIGINT       NOT NULL,
    subject            VARCHAR(255) NOT NULL,
    requester_id       VARCHAR(128) NOT NULL,
    channel            VARCHAR(32)  NOT NULL,
    category           VARCHAR(64)  NOT NULL,
    priority           VARCHAR(8)   NOT NULL,
    tier               VARCHAR(2)   NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    assignee_id        VARCHAR(128),
    group_id           VARCHAR(128),
    follow_up_of       CHAR(36),
    merged_into        CHAR(36),
    created_at         DATETIME(6)  NOT NULL,
    created_at_nanos   INTEGER      NOT NULL,
    updated_at         DATETIME(6)  NOT NULL,
    updated_at_nanos   INTEGER      NOT NULL,
    solved_at          DATETIME(6),
    solved_at_nanos    INTEGER,
    cycle              INTEGER      NOT NULL,
    version            BIGINT       NOT NULL,
    due_at             DATETIME(6),
    due_at_nanos       INTEGER,
    claimed_until      DATETIME(6),
    CONSTRAINT hd_ticket_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT hd_ticket_number_uq UNIQUE (tenant_id, number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- due work of all tenants, soonest first (ties in a fixed order): a claim reads this index in order and stops at its limit
CREATE INDEX hd_ticket_due_ix ON hd_ticket (due_at, tenant_id, id);
CREATE INDEX hd_ticket_status_ix ON hd_ticket (tenant_id, status, number);
CREATE INDEX hd_ticket_assignee_ix ON hd_ticket (tenant_id, assignee_id, number);
CREATE INDEX hd_ticket_requester_ix ON hd_ticket (tenant_id, requester_id, number);

-- Events: every ticket's history, one row per event, one typed nullable column per payload field.
CREATE TABLE hd_ticket_event (
    tenant_id           VARCHAR(64)  NOT NULL,
    ticket_id           CHAR(36)         NOT NULL,
    version             BIGINT       NOT NULL,
    kind                VARCHAR(32)  NOT NULL,
    occurred_at         DATETIME(6)  NOT NULL,
    occurred_at_nanos   INTEGER      NOT NULL,
    actor_kind          VARCHAR(16)  NOT NULL,
    actor_id            VARCHAR(128) NOT NULL,
    ticket_number       BIGINT,
    subject             VARCHAR(255),
    requester_id        VARCHAR(128),
    channel             VARCHAR(32),
    category_from       VARCHAR(64),
    category_to         VARCHAR(64),
    priority_from       VARCHAR(8),
    priority_to         VARCHAR(8),
    tier_from           VARCHAR(2),
    tier_to             VARCHAR(2),
    status_from         VARCHAR(16),
    status_to           VARCHAR(16),
    agent_id            VARCHAR(128),
    group_from          VARCHAR(128),
    group_to            VARCHAR(128),
    related_ticket_id   CHAR(36),
    reason              MEDIUMTEXT,
    cycle               INTEGER,
    automatic           BOOLEAN,
    message_id          CHAR(36),
    message_author_kind VARCHAR(16),
    message_author_id   VARCHAR(128),
    message_visibility  VARCHAR(8),
    message_channel     VARCHAR(32),
    message_body        MEDIUMTEXT,
    message_at          DATETIME(6),
    message_at_nanos    INTEGER,
    message_automatic   BOOLEAN,
    CONSTRAINT hd_ticket_event_pk PRIMARY KEY (tenant_id, ticket_id, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- a ticket's messages and merges without reading its other events
CREATE INDEX hd_ticket_event_kind_ix ON hd_ticket_event (tenant_id, ticket_id, kind, version);
CREATE INDEX hd_ticket_event_time_ix ON hd_ticket_event (tenant_id, occurred_at);

-- Human ticket numbers, one counter per tenant.
CREATE TABLE hd_ticket_number (
    tenant_id  VARCHAR(64) NOT NULL,
    last_value BIGINT      NOT NULL,
    CONSTRAINT hd_ticket_number_pk PRIMARY KEY (tenant_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Outbox: events committed but not yet handed to every event listener.
CREATE TABLE hd_outbox (
    id              BIGINT NOT NULL AUTO_INCREMENT,
    tenant_id       VARCHAR(64)   NOT NULL,
    ticket_id       CHAR(36)          NOT NULL,
    version         BIGINT        NOT NULL,
    state           VARCHAR(8)    NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at DATETIME(6),
    last_error      VARCHAR(1000),
    CONSTRAINT hd_outbox_pk PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX hd_outbox_ticket_ix ON hd_outbox (tenant_id, ticket_id, id);

-- Listeners that already received an outbox entry whose delivery to another listener failed.
CREATE TABLE hd_outbox_receipt (
    outbox_id BIGINT       NOT NULL,
    listener  VARCHAR(128) NOT NULL,
    CONSTRAINT hd_outbox_receipt_pk PRIMARY KEY (outbox_id, listener)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Leases for work that one instance of a cluster does at a time (the outbox relay).
CREATE TABLE hd_lease (
    name         VARCHAR(64)  NOT NULL,
    owner        VARCHAR(128),
    leased_until DATETIME(6),
    CONSTRAINT hd_lease_pk PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
INSERT INTO hd_lease (name, owner, leased_until) VALUES ('outbox', NULL, NULL);
