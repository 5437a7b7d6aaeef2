-- The CRM's own tables. The desk's tables (prefix hd_) are installed by the desk itself;
-- this script is run by Flyway with the CRM's own history table (crm_schema_history).

-- Account managers and support staff: the CRM's users. The desk reads its agents from here.
CREATE TABLE crm_staff (
    id          VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    email       VARCHAR(320) NOT NULL UNIQUE,
    title       VARCHAR(100) NOT NULL,
    support     BOOLEAN      NOT NULL,          -- works tickets at the desk
    tier        VARCHAR(2)   NOT NULL DEFAULT 'L1',
    skills      VARCHAR(500) NOT NULL DEFAULT '',   -- comma separated
    languages   VARCHAR(100) NOT NULL DEFAULT 'en', -- comma separated
    capacity    INTEGER      NOT NULL DEFAULT 10
);

-- Companies the CRM sells to; the segment drives the desk's service levels and what articles
-- their people may read.
CREATE TABLE crm_account (
    id           VARCHAR(64)  PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    segment      VARCHAR(32)  NOT NULL CHECK (segment IN ('enterprise', 'business', 'starter')),
    manager_id   VARCHAR(64)  NOT NULL REFERENCES crm_staff (id),
    street       VARCHAR(200) NOT NULL,
    postal_code  VARCHAR(16)  NOT NULL,
    city         VARCHAR(100) NOT NULL,
    region       VARCHAR(64)  NOT NULL,
    country      VARCHAR(2)   NOT NULL,
    annual_value NUMERIC(12, 2) NOT NULL DEFAULT 0
);

-- People at those accounts: the desk's customers.
CREATE TABLE crm_customer (
    id          VARCHAR(64)  PRIMARY KEY,
    account_id  VARCHAR(64)  NOT NULL REFERENCES crm_account (id),
    name        VARCHAR(200) NOT NULL,
    email       VARCHAR(320) NOT NULL,
    phone       VARCHAR(40),
    language    VARCHAR(8)   NOT NULL DEFAULT 'en',
    last_contact_at TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX crm_customer_email ON crm_customer (LOWER(email));
CREATE INDEX crm_customer_account ON crm_customer (account_id);

-- The CRM's timeline of a customer: calls, visits, notes, each optionally about a ticket.
CREATE TABLE crm_activity (
    id            BIGSERIAL    PRIMARY KEY,
    customer_id   VARCHAR(64)  NOT NULL REFERENCES crm_customer (id),
    staff_id      VARCHAR(64)  REFERENCES crm_staff (id),
    kind          VARCHAR(16)  NOT NULL CHECK (kind IN ('call', 'note', 'ticket')),
    summary       VARCHAR(500) NOT NULL,
    ticket_number BIGINT,
    at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX crm_activity_customer ON crm_activity (customer_id, at);
