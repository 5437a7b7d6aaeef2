-- helpdesk schema, version 7 (MySQL 8)
-- Channel messages (external_message_linked) and their attachments (attachment_added). A link
-- keeps the channel's id of a message in external_id, whether the desk sent it in
-- external_outbound, the mailbox or hotline in endpoint, the counterpart's address in
-- address_kind and address, the reason an automatic message was only recorded in the existing
-- reason column, its channel in channel and the ticket's message in message_id. An attachment
-- keeps what identifies the bytes the host's attachment store holds.
ALTER TABLE hd_ticket_event ADD COLUMN external_id VARCHAR(255);
ALTER TABLE hd_ticket_event ADD COLUMN external_outbound BOOLEAN;
ALTER TABLE hd_ticket_event ADD COLUMN endpoint VARCHAR(254);
ALTER TABLE hd_ticket_event ADD COLUMN address_kind VARCHAR(16);
ALTER TABLE hd_ticket_event ADD COLUMN address VARCHAR(254);
ALTER TABLE hd_ticket_event ADD COLUMN attachment_name VARCHAR(255);
ALTER TABLE hd_ticket_event ADD COLUMN attachment_media_type VARCHAR(255);
ALTER TABLE hd_ticket_event ADD COLUMN attachment_size BIGINT;
ALTER TABLE hd_ticket_event ADD COLUMN attachment_checksum VARCHAR(64);
ALTER TABLE hd_ticket_event ADD COLUMN attachment_key VARCHAR(512);
ALTER TABLE hd_ticket_event ADD COLUMN attachment_inline BOOLEAN;

-- The index of external message ids: one row per id a tenant's channel gave a message the desk
-- received or sent, written in the transaction of the commit that links it. The primary key
-- makes the same message twice impossible: the second commit fails whole. Ids compare exactly
-- (utf8mb4_0900_bin: case and trailing spaces count), as Message-IDs do.
CREATE TABLE hd_external_message (
    tenant_id         VARCHAR(64)  NOT NULL,
    channel           VARCHAR(32)  NOT NULL,
    external_id       VARCHAR(255) NOT NULL,
    ticket_id         CHAR(36)     NOT NULL,
    message_id        CHAR(36)     NOT NULL,
    outbound          BOOLEAN      NOT NULL,
    recorded_at       DATETIME(6) NOT NULL,
    recorded_at_nanos INTEGER      NOT NULL,
    CONSTRAINT hd_external_message_pk PRIMARY KEY (tenant_id, channel, external_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin;
-- a ticket's channel messages
CREATE INDEX hd_external_message_ticket_ix ON hd_external_message (tenant_id, ticket_id);
