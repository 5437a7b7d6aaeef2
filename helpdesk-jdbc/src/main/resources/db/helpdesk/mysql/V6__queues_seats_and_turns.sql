-- helpdesk schema, version 6 (MySQL 8)
-- Queues and capacity: indexes for every filter and order of a ticket query and for counting an
-- agent's open tickets; a lock row per agent seat that makes a capacity check and the commit one
-- atomic step; round-robin turns and notices held for working hours, shared by every desk
-- instance on the database.
-- Identifiers compare exactly: the binary collation of V1 pads ('c-42 ' equals 'c-42'), this one
-- does not.
ALTER TABLE hd_ticket CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin;
ALTER TABLE hd_ticket_event CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin;
ALTER TABLE hd_ticket_number CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin;
ALTER TABLE hd_outbox CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin;
ALTER TABLE hd_outbox_receipt CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin;
ALTER TABLE hd_lease CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin;
ALTER TABLE hd_ticket_tag CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin;
ALTER TABLE hd_ticket_field CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin;

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
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin;

-- the agent who had a round-robin group's last turn
CREATE TABLE hd_routing_turn (
    tenant_id     VARCHAR(64)  NOT NULL,
    group_id      VARCHAR(128) NOT NULL,
    last_agent_id VARCHAR(128),
    CONSTRAINT hd_routing_turn_pk PRIMARY KEY (tenant_id, group_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin;

-- rendered notices waiting for their recipients' working hours
CREATE TABLE hd_held_notice (
    id             VARCHAR(128) NOT NULL,
    tenant_id      VARCHAR(64)  NOT NULL,
    ticket_id      CHAR(36)     NOT NULL,
    ticket_number  BIGINT       NOT NULL,
    topic          VARCHAR(32)  NOT NULL,
    recipient_kind VARCHAR(16)  NOT NULL,
    recipient_id   VARCHAR(128) NOT NULL,
    recipient_role VARCHAR(64),
    locale         VARCHAR(35)  NOT NULL,
    subject        VARCHAR(1000) NOT NULL,
    body           MEDIUMTEXT   NOT NULL,
    urgent         BOOLEAN      NOT NULL,
    created_at     DATETIME(6) NOT NULL,
    created_nanos  INTEGER      NOT NULL,
    send_at        DATETIME(6) NOT NULL,
    send_nanos     INTEGER      NOT NULL,
    claimed_until  DATETIME(6),
    CONSTRAINT hd_held_notice_pk PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin;
CREATE INDEX hd_held_notice_due_ix ON hd_held_notice (send_at, id);
