-- helpdesk schema, version 13 (MySQL 8)
-- The SLA policy on record: a sla_policy_applied ticket event names the policy that applies to
-- the ticket from then on (NULL: none any more). Reports group reply and resolution times by the
-- policy of each ticket's latest such event before the period's end. A sla_completed event records
-- a clock cycle that completed (sla_clock, cycle, due_at as for breaches), the policy it was
-- measured under and whether it was on time; SLA compliance counts them.
ALTER TABLE hd_ticket_event ADD COLUMN sla_policy VARCHAR(64);
ALTER TABLE hd_ticket_event ADD COLUMN sla_achieved BOOLEAN;
