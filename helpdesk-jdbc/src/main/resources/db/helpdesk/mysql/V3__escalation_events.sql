-- helpdesk schema, version 3 (MySQL 8)
-- Escalation, routing and notice events: the rule that fired or was stopped and its trigger
-- key and chain depth (rule_fired, rule_skipped), the role of a hierarchical escalation
-- (escalated_to_role), whether a notice is urgent (escalated_to_role, agent_notified), tags
-- (tag_added, tag_removed) and custom fields (field_set; a null value clears the field).
-- Reasons go into the existing reason column, the agent told into agent_id, the customer told
-- into requester_id, the queue of a queued ticket into group_to.
ALTER TABLE hd_ticket_event ADD COLUMN rule_name VARCHAR(64);
ALTER TABLE hd_ticket_event ADD COLUMN rule_trigger VARCHAR(200);
ALTER TABLE hd_ticket_event ADD COLUMN rule_depth INTEGER;
ALTER TABLE hd_ticket_event ADD COLUMN role_name VARCHAR(64);
ALTER TABLE hd_ticket_event ADD COLUMN urgent BOOLEAN;
ALTER TABLE hd_ticket_event ADD COLUMN tag VARCHAR(64);
ALTER TABLE hd_ticket_event ADD COLUMN field_name VARCHAR(64);
ALTER TABLE hd_ticket_event ADD COLUMN field_value VARCHAR(500);
