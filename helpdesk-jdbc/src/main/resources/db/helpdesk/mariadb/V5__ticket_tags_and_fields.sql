-- helpdesk schema, version 5 (MariaDB)
-- A ticket's current tags and custom field values as rows, kept in step with its events in the
-- transaction of every commit, so that queries filter tickets by tag or field with an index
-- instead of reading histories. Filled here from the events already stored: a tag added and
-- not removed since, a field's latest value unless it was cleared.
CREATE TABLE hd_ticket_tag (
    tenant_id VARCHAR(64) NOT NULL,
    ticket_id CHAR(36)    NOT NULL,
    tag       VARCHAR(64) NOT NULL,
    CONSTRAINT hd_ticket_tag_pk PRIMARY KEY (tenant_id, ticket_id, tag)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- the tickets of a tenant that carry a tag
CREATE INDEX hd_ticket_tag_ix ON hd_ticket_tag (tenant_id, tag, ticket_id);

CREATE TABLE hd_ticket_field (
    tenant_id   VARCHAR(64) NOT NULL,
    ticket_id   CHAR(36)    NOT NULL,
    field_name  VARCHAR(64) NOT NULL,
    field_value MEDIUMTEXT  NOT NULL,
    CONSTRAINT hd_ticket_field_pk PRIMARY KEY (tenant_id, ticket_id, field_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO hd_ticket_tag (tenant_id, ticket_id, tag)
SELECT DISTINCT e.tenant_id, e.ticket_id, e.tag
FROM hd_ticket_event e
WHERE e.kind = 'tag_added'
  AND NOT EXISTS (SELECT 1 FROM hd_ticket_event r
                  WHERE r.tenant_id = e.tenant_id AND r.ticket_id = e.ticket_id
                    AND r.kind = 'tag_removed' AND r.tag = e.tag AND r.version > e.version)
  AND NOT EXISTS (SELECT 1 FROM hd_ticket_event a
                  WHERE a.tenant_id = e.tenant_id AND a.ticket_id = e.ticket_id
                    AND a.kind = 'tag_added' AND a.tag = e.tag AND a.version > e.version);

INSERT INTO hd_ticket_field (tenant_id, ticket_id, field_name, field_value)
SELECT e.tenant_id, e.ticket_id, e.field_name, e.field_value
FROM hd_ticket_event e
WHERE e.kind = 'field_set'
  AND e.field_value IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM hd_ticket_event l
                  WHERE l.tenant_id = e.tenant_id AND l.ticket_id = e.ticket_id
                    AND l.kind = 'field_set' AND l.field_name = e.field_name AND l.version > e.version);
