-- helpdesk schema, version 2 (H2)
-- SLA warnings and breaches (events sla_warning and sla_breached): which clock, which
-- threshold, which due time. The clock's cycle goes into the existing cycle column.
ALTER TABLE hd_ticket_event ADD COLUMN sla_clock VARCHAR(16);
ALTER TABLE hd_ticket_event ADD COLUMN sla_threshold INTEGER;
ALTER TABLE hd_ticket_event ADD COLUMN due_at TIMESTAMP(9) WITH TIME ZONE;
ALTER TABLE hd_ticket_event ADD COLUMN due_at_nanos INTEGER;
