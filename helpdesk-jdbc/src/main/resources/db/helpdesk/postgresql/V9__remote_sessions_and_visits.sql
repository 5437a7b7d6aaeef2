-- helpdesk schema, version 9 (PostgreSQL)
-- Remote sessions with consent and on-site visits. Their events go into hd_ticket_event like
-- every other event, one typed column per payload field: the consent, session or visit in
-- work_id (a session's consent in work_ref), the consent's scope, answer route and duration, the
-- remote tool, why a session ended, the purpose, the action done or the visit report in
-- work_text, a visit's slot and address. The agent or technician goes into agent_id, a consent
-- link's expiry or a visit's SLA target into due_at, the reason of a reschedule or a
-- cancellation into reason.
ALTER TABLE hd_ticket_event ADD COLUMN work_id UUID;
ALTER TABLE hd_ticket_event ADD COLUMN work_ref UUID;
ALTER TABLE hd_ticket_event ADD COLUMN consent_scope VARCHAR(16);
ALTER TABLE hd_ticket_event ADD COLUMN consent_route VARCHAR(16);
ALTER TABLE hd_ticket_event ADD COLUMN duration_seconds BIGINT;
ALTER TABLE hd_ticket_event ADD COLUMN tool_name VARCHAR(64);
ALTER TABLE hd_ticket_event ADD COLUMN session_end VARCHAR(24);
ALTER TABLE hd_ticket_event ADD COLUMN work_text TEXT;
ALTER TABLE hd_ticket_event ADD COLUMN slot_start_at TIMESTAMPTZ;
ALTER TABLE hd_ticket_event ADD COLUMN slot_start_at_nanos INTEGER;
ALTER TABLE hd_ticket_event ADD COLUMN slot_end_at TIMESTAMPTZ;
ALTER TABLE hd_ticket_event ADD COLUMN slot_end_at_nanos INTEGER;
ALTER TABLE hd_ticket_event ADD COLUMN address_street VARCHAR(200);
ALTER TABLE hd_ticket_event ADD COLUMN address_postal_code VARCHAR(16);
ALTER TABLE hd_ticket_event ADD COLUMN address_city VARCHAR(200);
ALTER TABLE hd_ticket_event ADD COLUMN address_country VARCHAR(2);
ALTER TABLE hd_ticket_event ADD COLUMN address_notes VARCHAR(200);

-- Technicians' bookings: one row per visit, written in the commit that carries the visit's
-- events; a slot is free for a technician when no booking of theirs that still holds its slot
-- (planned, confirmed, rescheduled) overlaps it.
CREATE TABLE hd_visit_booking (
    tenant_id           VARCHAR(64)  NOT NULL,
    visit_id            UUID         NOT NULL,
    ticket_id           UUID         NOT NULL,
    technician_id       VARCHAR(128) NOT NULL,
    slot_start_at       TIMESTAMPTZ  NOT NULL,
    slot_start_at_nanos INTEGER      NOT NULL,
    slot_end_at         TIMESTAMPTZ  NOT NULL,
    slot_end_at_nanos   INTEGER      NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    CONSTRAINT hd_visit_booking_pk PRIMARY KEY (tenant_id, visit_id)
);
-- a technician's bookings by time: the overlap check and the schedule read only these
CREATE INDEX hd_visit_booking_technician_ix ON hd_visit_booking (tenant_id, technician_id, slot_start_at);

-- one row per technician, written (claims + 1) by every commit that books the technician's
-- time: the write is the lock that makes the overlap check and the booking one step, also
-- across desks sharing the database
CREATE TABLE hd_technician_lock (
    tenant_id     VARCHAR(64)  NOT NULL,
    technician_id VARCHAR(128) NOT NULL,
    claims        BIGINT       NOT NULL,
    CONSTRAINT hd_technician_lock_pk PRIMARY KEY (tenant_id, technician_id)
);
