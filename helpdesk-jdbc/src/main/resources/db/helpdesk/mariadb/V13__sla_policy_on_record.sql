-- helpdesk schema, version 13 (MariaDB)
-- The SLA policy on record: a sla_policy_applied ticket event names the policy that applies to
-- the ticket from then on (NULL: none any more). Reports group reply and resolution times by the
-- policy of each ticket's latest such event before the period's end.
ALTER TABLE hd_ticket_event ADD COLUMN sla_policy VARCHAR(64);
