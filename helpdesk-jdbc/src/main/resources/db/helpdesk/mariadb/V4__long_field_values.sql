-- helpdesk schema, version 4 (MariaDB)
-- Custom field values without a length limit: a number field accepts any number of digits,
-- so the canonical form of its value (field_set) can be longer than the 500 characters of
-- a text field. Same type as the other free texts (reason, message_body).
ALTER TABLE hd_ticket_event MODIFY COLUMN field_value MEDIUMTEXT;
