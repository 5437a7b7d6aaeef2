-- helpdesk schema, version 10 (PostgreSQL)
-- The knowledge base: an article row (its revision for optimistic locking, which version is
-- published, whether it is archived, the origin of its latest version) and every version with
-- its author and time; each version's locale variants, media entries, tags and attachments in
-- rows of their own. Versions are only ever inserted.
CREATE TABLE hd_article (
    tenant_id         VARCHAR(64)   NOT NULL,
    id                UUID          NOT NULL,
    revision          BIGINT        NOT NULL,
    version_count     INTEGER       NOT NULL,
    published_version INTEGER,
    archived          BOOLEAN       NOT NULL,
    origin_kind       VARCHAR(16),
    origin_reference  VARCHAR(508) ,
    CONSTRAINT hd_article_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX hd_article_origin_ix ON hd_article (tenant_id, origin_kind, origin_reference);

CREATE TABLE hd_article_version (
    tenant_id         VARCHAR(64)   NOT NULL,
    article_id        UUID          NOT NULL,
    number            INTEGER       NOT NULL,
    author_kind       VARCHAR(16)   NOT NULL,
    author_id         VARCHAR(128)  NOT NULL,
    written_at        TIMESTAMPTZ   NOT NULL,
    written_at_nanos  INTEGER       NOT NULL,
    note              VARCHAR(2000),
    kind              VARCHAR(16)   NOT NULL,
    category          VARCHAR(64)   NOT NULL,
    visibility        VARCHAR(200)  NOT NULL,
    origin_kind       VARCHAR(16),
    origin_reference  VARCHAR(508) ,
    CONSTRAINT hd_article_version_pk PRIMARY KEY (tenant_id, article_id, number)
);

CREATE TABLE hd_article_variant (
    tenant_id         VARCHAR(64)   NOT NULL,
    article_id        UUID          NOT NULL,
    version_number    INTEGER       NOT NULL,
    ordinal           INTEGER       NOT NULL,
    locale            VARCHAR(35)   NOT NULL,
    title             VARCHAR(1020) NOT NULL,
    body              TEXT          NOT NULL,
    CONSTRAINT hd_article_variant_pk PRIMARY KEY (tenant_id, article_id, version_number, ordinal)
);

CREATE TABLE hd_article_media (
    tenant_id         VARCHAR(64)   NOT NULL,
    article_id        UUID          NOT NULL,
    version_number    INTEGER       NOT NULL,
    variant_ordinal   INTEGER       NOT NULL,
    ordinal           INTEGER       NOT NULL,
    url               TEXT          NOT NULL,
    duration_seconds  BIGINT,
    duration_nanos    INTEGER,
    poster            TEXT,
    transcript        TEXT          NOT NULL,
    CONSTRAINT hd_article_media_pk PRIMARY KEY (tenant_id, article_id, version_number, variant_ordinal, ordinal)
);

CREATE TABLE hd_article_tag (
    tenant_id         VARCHAR(64)   NOT NULL,
    article_id        UUID          NOT NULL,
    version_number    INTEGER       NOT NULL,
    tag               VARCHAR(64)   NOT NULL,
    CONSTRAINT hd_article_tag_pk PRIMARY KEY (tenant_id, article_id, version_number, tag)
);

CREATE TABLE hd_article_attachment (
    tenant_id         VARCHAR(64)   NOT NULL,
    article_id        UUID          NOT NULL,
    version_number    INTEGER       NOT NULL,
    ordinal           INTEGER       NOT NULL,
    name              VARCHAR(1020) NOT NULL,
    media_type        VARCHAR(255)  NOT NULL,
    size_bytes        BIGINT        NOT NULL,
    checksum          VARCHAR(128)  NOT NULL,
    storage_key       VARCHAR(1024) NOT NULL,
    disposition       VARCHAR(16)   NOT NULL,
    content_id        VARCHAR(1020),
    CONSTRAINT hd_article_attachment_pk PRIMARY KEY (tenant_id, article_id, version_number, ordinal)
);

-- what readers and agents said about an article: deflections, votes with a remark, links in
-- replies, tickets solved with it; counted per article
CREATE TABLE hd_article_feedback (
    id                UUID NOT NULL,
    tenant_id         VARCHAR(64)   NOT NULL,
    article_id        UUID NOT NULL,
    kind              VARCHAR(16)   NOT NULL,
    actor_kind        VARCHAR(16)   NOT NULL,
    actor_id          VARCHAR(128)  NOT NULL,
    said_at           TIMESTAMPTZ NOT NULL,
    said_at_nanos     INTEGER       NOT NULL,
    remark            TEXT,
    ticket_id         UUID,
    CONSTRAINT hd_article_feedback_pk PRIMARY KEY (id)
);
CREATE INDEX hd_article_feedback_article_ix ON hd_article_feedback (tenant_id, article_id, said_at);

-- a ticket's link to a knowledge-base article (linked in a reply, solved with it, self-served)
ALTER TABLE hd_ticket_event ADD COLUMN article_id UUID;
ALTER TABLE hd_ticket_event ADD COLUMN article_solution BOOLEAN;

-- what knowledge search finds: one row per locale variant of each article's published version
-- the document is the title (weight A) and the body with its media transcripts (weight B)
-- as a tsvector of the variant's language configuration, searched through a GIN index
CREATE TABLE hd_article_search (
    tenant_id         VARCHAR(64)   NOT NULL,
    article_id        UUID NOT NULL,
    locale            VARCHAR(35)   NOT NULL,
    language          VARCHAR(8)    NOT NULL,
    config            VARCHAR(32)   NOT NULL,
    kind              VARCHAR(16)   NOT NULL,
    category          VARCHAR(64)   NOT NULL,
    visibility        VARCHAR(200)  NOT NULL,
    title             VARCHAR(1020) NOT NULL,
    body              TEXT NOT NULL,
    document          TSVECTOR NOT NULL,
    CONSTRAINT hd_article_search_pk PRIMARY KEY (tenant_id, article_id, locale)
);
CREATE INDEX hd_article_search_document_ix ON hd_article_search USING GIN (document);

CREATE TABLE hd_article_search_tag (
    tenant_id         VARCHAR(64)   NOT NULL,
    article_id        UUID NOT NULL,
    tag               VARCHAR(64)   NOT NULL,
    CONSTRAINT hd_article_search_tag_pk PRIMARY KEY (tenant_id, article_id, tag)
);
