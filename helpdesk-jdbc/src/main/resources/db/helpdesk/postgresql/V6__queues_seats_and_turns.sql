-- helpdesk schema, version 6 (PostgreSQL)
-- Queues and capacity: indexes for every filter and order of a ticket query and for counting an
-- agent's open tickets; a lock row per agent seat that makes a capacity check and the commit one
-- atomic step; round-robin turns and notices held for working hours, shared by every desk
-- instance on the database.
-- queues: a group's tickets by status, and the orders a listing can ask for
CREATE INDEX hd_ticket_group_ix ON hd_ticket (tenant_id, group_id, status, number);
CREATE INDEX hd_ticket_priority_ix ON hd_ticket (tenant_id, priority, number);
CREATE INDEX hd_ticket_created_ix ON hd_ticket (tenant_id, created_at, created_at_nanos, id);
CREATE INDEX hd_ticket_next_due_ix ON hd_ticket (tenant_id, due_at, due_at_nanos, id);
-- an agent's open tickets per channel, counted for capacity without reading a ticket row
CREATE INDEX hd_ticket_seat_ix ON hd_ticket (tenant_id, assignee_id, channel, status);

-- one row per agent and channel, written (claims + 1) by every commit that claims a seat there:
-- the write is the lock that makes counting and committing one step
CREATE TABLE hd_agent_seat (
    tenant_id VARCHAR(64)  NOT NULL,
    agent_id  VARCHAR(128) NOT NULL,
    channel   VARCHAR(32)  NOT NULL,
    claims    BIGINT       NOT NULL,
    CONSTRAINT hd_agent_seat_pk PRIMARY KEY (tenant_id, agent_id, channel)
);

-- the agent who had a round-robin group's last turn
CREATE TABLE hd_routing_turn (
    tenant_id     VARCHAR(64)  NOT NULL,
    group_id      VARCHAR(128) NOT NULL,
    last_agent_id VARCHAR(128),
    CONSTRAINT hd_routing_turn_pk PRIMARY KEY (tenant_id, group_id)
);

-- rendered notices waiting for their recipients' working hours
CREATE TABLE hd_held_notice (
    id             VARCHAR(128) NOT NULL,
    tenant_id      VARCHAR(64)  NOT NULL,
    ticket_id      UUID         NOT NULL,
    ticket_number  BIGINT       NOT NULL,
    topic          VARCHAR(32)  NOT NULL,
    recipient_kind VARCHAR(16)  NOT NULL,
    recipient_id   VARCHAR(128) NOT NULL,
    recipient_role VARCHAR(64),
    locale         VARCHAR(35)  NOT NULL,
    subject        VARCHAR(1000) NOT NULL,
    body           TEXT         NOT NULL,
    urgent         BOOLEAN      NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    created_nanos  INTEGER      NOT NULL,
    send_at        TIMESTAMPTZ NOT NULL,
    send_nanos     INTEGER      NOT NULL,
    claimed_until  TIMESTAMPTZ,
    CONSTRAINT hd_held_notice_pk PRIMARY KEY (id)
);
CREATE INDEX hd_held_notice_due_ix ON hd_held_notice (send_at, id);
