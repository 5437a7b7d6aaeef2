-- helpdesk schema, version 4 (H2)
-- Custom field values without a length limit: a number field accepts any number of digits,
-- so the canonical form of its value (field_set) can be longer than the 500 characters of
-- a text field. Same type as the other free texts (reason, message_body).
ALTER TABLE hd_ticket_event ALTER COLUMN field_value SET DATA TYPE CHARACTER VARYING;
