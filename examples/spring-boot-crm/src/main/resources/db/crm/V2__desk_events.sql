-- Entries the CRM writes from the desk's events (a ticket solved, rated, escalated, a visit
-- planned) carry the event's id: the desk delivers at least once, the CRM records once.
ALTER TABLE crm_activity ADD COLUMN desk_event VARCHAR(128);
CREATE UNIQUE INDEX crm_activity_desk_event ON crm_activity (desk_event);
