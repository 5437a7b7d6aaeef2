-- helpdesk schema, version 11 (MySQL 8)
-- Satisfaction ratings (event satisfaction_rated): the score and the scale's top score (2 for
-- bad/good, 5 for one to five) and the id of the survey token answered (null when the customer
-- rated while signed in). The rated cycle goes into the existing cycle column, the comment into
-- reason.
ALTER TABLE hd_ticket_event ADD COLUMN satisfaction_score INTEGER;
ALTER TABLE hd_ticket_event ADD COLUMN satisfaction_out_of INTEGER;
ALTER TABLE hd_ticket_event ADD COLUMN survey_id VARCHAR(64);
-- reports: a tenant's events of some kinds in a period, without reading its other events
CREATE INDEX hd_ticket_event_report_ix ON hd_ticket_event (tenant_id, kind, occurred_at);
