package dev.helpdesk.jdbc.knowledge;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.jdbc.internal.EventRows;
import dev.helpdesk.jdbc.internal.Statements;
import dev.helpdesk.spi.channel.AttachmentRef;
import dev.helpdesk.spi.channel.Checksum;
import dev.helpdesk.spi.channel.Disposition;
import dev.helpdesk.spi.channel.StorageKey;
import dev.helpdesk.spi.knowledge.Article;
import dev.helpdesk.spi.knowledge.ArticleContent;
import dev.helpdesk.spi.knowledge.ArticleId;
import dev.helpdesk.spi.knowledge.ArticleKind;
import dev.helpdesk.spi.knowledge.ArticleOrigin;
import dev.helpdesk.spi.knowledge.ArticleVariant;
import dev.helpdesk.spi.knowledge.ArticleVersion;
import dev.helpdesk.spi.knowledge.ArticleVisibility;
import dev.helpdesk.spi.knowledge.ContentLocale;
import dev.helpdesk.spi.knowledge.MediaEntry;
import dev.helpdesk.spi.sla.CustomerSegment;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes and reads articles in the knowledge tables: the article row, and per version its row,
 * variants, media, tags and attachments. Reads of several articles take one query per table
 * for all of them, not one per article.
 */
final class ArticleRows {
    /** The most article ids one read binds. */
    static final int CHUNK = 500;

    private final Statements sql;
    private final SqlDialect dialect;
    private final KnowledgeTables t;
    private final EventRows instants;

    ArticleRows(Statements sql, SqlDialect dialect, KnowledgeTables tables) {
        this.sql = sql;
        this.dialect = dialect;
        this.t = tables;
        this.instants = new EventRows(dialect);
    }

    /** The stored revision of an article, locking its row until the transaction ends. */
    Optional<Long> lockRevision(Connection c, TenantId tenant, ArticleId id) throws SQLException {
        return sql.first(c, "SELECT revision FROM " + t.article() + " WHERE tenant_id = ? AND id = ?" + dialect.forUpdate(),
                p -> p.text(tenant.value()).uuid(id.value()), r -> r.getLong("revision"));
    }

    void insertArticle(Connection c, Article a) throws SQLException {
        Optional<ArticleOrigin> origin = a.latest().content().origin();
        sql.update(c, "INSERT INTO " + t.article() + " (tenant_id, id, revision, version_count, published_version, archived,"
                        + " origin_kind, origin_reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                p -> {
                    p.text(a.tenant().value()).uuid(a.id().value()).number(a.revision()).integer(a.versions().size());
                    bindPublished(p, a);
                    p.flag(a.archived()).text(origin.map(o -> o.kind().name()).orElse(null))
                            .text(origin.map(ArticleOrigin::reference).orElse(null));
                });
    }

    /** Moves the article row from one revision to the next; false when the stored revision is another. */
    boolean updateArticle(Connection c, Article a, long expected) throws SQLException {
        Optional<ArticleOrigin> origin = a.latest().content().origin();
        return sql.update(c, "UPDATE " + t.article() + " SET revision = ?, version_count = ?, published_version = ?,"
                        + " archived = ?, origin_kind = ?, origin_reference = ?"
                        + " WHERE tenant_id = ? AND id = ? AND revision = ?",
                p -> {
                    p.number(a.revision()).integer(a.versions().size());
                    bindPublished(p, a);
                    p.flag(a.archived()).text(origin.map(o -> o.kind().name()).orElse(null))
                            .text(origin.map(ArticleOrigin::reference).orElse(null))
                            .text(a.tenant().value()).uuid(a.id().value()).number(expected);
                }) == 1;
    }

    private static void bindPublished(dev.helpdesk.jdbc.internal.Params p, Article a) throws SQLException {
        if (a.publishedVersion().isPresent()) {
            p.integer(a.publishedVersion().get());
        } else {
            p.statement().setNull(p.position(), java.sql.Types.INTEGER);
            p.skip(1);
        }
    }

    /** Inserts versions with everything they hold. */
    void insertVersions(Connection c, TenantId tenant, ArticleId id, List<ArticleVersion> versions) throws SQLException {
        if (versions.isEmpty()) {
            return;
        }
        sql.batch(c, "INSERT INTO " + t.version() + " (tenant_id, article_id, number, author_kind, author_id, written_at,"
                        + " written_at_nanos, note, kind, category, visibility, origin_kind, origin_reference)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", versions,
                (p, v) -> {
                    ArticleContent content = v.content();
                    p.text(tenant.value()).uuid(id.value()).integer(v.number())
                            .text(EventRows.actorKind(v.author())).text(EventRows.actorId(v.author()))
                            .instantAndNanos(v.at()).text(v.note()).text(content.kind().name())
                            .text(content.category().code()).text(content.visibility().key())
                            .text(content.origin().map(o -> o.kind().name()).orElse(null))
                            .text(content.origin().map(ArticleOrigin::reference).orElse(null));
                });
        List<Object[]> variants = new ArrayList<>();
        List<Object[]> media = new ArrayList<>();
        List<Object[]> tags = new ArrayList<>();
        List<Object[]> attachments = new ArrayList<>();
        for (ArticleVersion v : versions) {
            ArticleContent content = v.content();
            for (int i = 0; i < content.variants().size(); i++) {
                ArticleVariant variant = content.variants().get(i);
                variants.add(new Object[] {v.number(), i, variant});
                for (int j = 0; j < variant.media().size(); j++) {
                    media.add(new Object[] {v.number(), i, j, variant.media().get(j)});
                }
            }
            content.tags().forEach(tag -> tags.add(new Object[] {v.number(), tag}));
            for (int i = 0; i < content.attachments().size(); i++) {
                attachments.add(new Object[] {v.number(), i, content.attachments().get(i)});
            }
        }
        sql.batch(c, "INSERT INTO " + t.variant() + " (tenant_id, article_id, version_number, ordinal, locale, title, body)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", variants,
                (p, row) -> {
                    ArticleVariant v = (ArticleVariant) row[2];
                    p.text(tenant.value()).uuid(id.value()).integer((Integer) row[0]).integer((Integer) row[1])
                            .text(v.locale().tag()).text(v.title()).text(v.body());
                });
        sql.batch(c, "INSERT INTO " + t.media() + " (tenant_id, article_id, version_number, variant_ordinal, ordinal, url,"
                        + " duration_seconds, duration_nanos, poster, transcript) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", media,
                (p, row) -> {
                    MediaEntry m = (MediaEntry) row[3];
                    p.text(tenant.value()).uuid(id.value()).integer((Integer) row[0]).integer((Integer) row[1])
                            .integer((Integer) row[2]).text(m.url().toString());
                    if (m.duration().isPresent()) {
                        p.number(m.duration().get().getSeconds()).integer(m.duration().get().getNano());
                    } else {
                        p.statement().setNull(p.position(), java.sql.Types.BIGINT);
                        p.statement().setNull(p.position() + 1, java.sql.Types.INTEGER);
                        p.skip(2);
                    }
                    p.text(m.poster().map(URI::toString).orElse(null)).text(m.transcript());
                });
        sql.batch(c, "INSERT INTO " + t.tag() + " (tenant_id, article_id, version_number, tag) VALUES (?, ?, ?, ?)", tags,
                (p, row) -> p.text(tenant.value()).uuid(id.value()).integer((Integer) row[0]).text((String) row[1]));
        sql.batch(c, "INSERT INTO " + t.attachment() + " (tenant_id, article_id, version_number, ordinal, name, media_type,"
                        + " size_bytes, checksum, storage_key, disposition, content_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                attachments,
                (p, row) -> {
                    AttachmentRef a = (AttachmentRef) row[2];
                    p.text(tenant.value()).uuid(id.value()).integer((Integer) row[0]).integer((Integer) row[1])
                            .text(a.name()).text(a.mediaType()).number(a.size()).text(a.checksum().hex())
                            .text(a.storageKey().value()).text(a.disposition().name()).text(a.contentId());
                });
    }

    // ---------------------------------------------------------------- reading

    /** The article rows of a tenant in the order of their ids, after an id, at most a limit. */
    List<Head> heads(Connection c, TenantId tenant, Optional<ArticleId> after, int limit) throws SQLException {
        String where = after.isPresent() ? " AND id > ?" : "";
        return sql.query(c, "SELECT id, revision, version_count, published_version, archived FROM " + t.article()
                        + " WHERE tenant_id = ?" + where + " ORDER BY id" + dialect.limitClause(limit),
                p -> {
                    p.text(tenant.value());
                    if (after.isPresent()) {
                        p.uuid(after.get().value());
                    }
                }, this::head);
    }

    /** The article rows of a tenant whose latest version names an origin, in the order of their ids. */
    List<Head> headsByOrigin(Connection c, TenantId tenant, ArticleOrigin origin) throws SQLException {
        return sql.query(c, "SELECT id, revision, version_count, published_version, archived FROM " + t.article()
                        + " WHERE tenant_id = ? AND origin_kind = ? AND origin_reference = ? ORDER BY id",
                p -> p.text(tenant.value()).text(origin.kind().name()).text(origin.reference()), this::head);
    }

    /** One article row. */
    Optional<Head> head(Connection c, TenantId tenant, ArticleId id) throws SQLException {
        return sql.first(c, "SELECT id, revision, version_count, published_version, archived FROM " + t.article()
                + " WHERE tenant_id = ? AND id = ?", p -> p.text(tenant.value()).uuid(id.value()), this::head);
    }

    private Head head(ResultSet r) throws SQLException {
        int published = r.getInt("published_version");
        Optional<Integer> pub = r.wasNull() ? Optional.empty() : Optional.of(published);
        return new Head(ArticleId.of(dialect.getUuid(r, "id")), r.getLong("revision"), r.getInt("version_count"), pub,
                r.getBoolean("archived"));
    }

    /**
     * The whole articles of some article rows, in the rows' order, with one query per table
     * for each chunk of ids.
     */
    List<Article> articles(Connection c, TenantId tenant, List<Head> heads) throws SQLException {
        List<Article> out = new ArrayList<>(heads.size());
        for (int from = 0; from < heads.size(); from += CHUNK) {
            List<Head> chunk = heads.subList(from, Math.min(heads.size(), from + CHUNK));
            out.addAll(chunk(c, tenant, chunk));
        }
        return out;
    }

    private List<Article> chunk(Connection c, TenantId tenant, List<Head> heads) throws SQLException {
        if (heads.isEmpty()) {
            return List.of();
        }
        String in = " WHERE tenant_id = ? AND article_id IN (" + Statements.placeholders(heads.size()) + ")";
        Statements.Binder bind = p -> {
            p.text(tenant.value());
            for (Head h : heads) {
                p.uuid(h.id().value());
            }
        };
        Map<VersionKey, VersionRow> versions = new LinkedHashMap<>();
        sql.forEach(c, "SELECT article_id, number, author_kind, author_id, written_at, written_at_nanos, note, kind,"
                + " category, visibility, origin_kind, origin_reference FROM " + t.version() + in
                + " ORDER BY article_id, number", bind, r -> {
                    UUID article = dialect.getUuid(r, "article_id");
                    int number = r.getInt("number");
                    String originKind = r.getString("origin_kind");
                    versions.put(new VersionKey(article, number), new VersionRow(number,
                            EventRows.actor(r.getString("author_kind"), r.getString("author_id")),
                            instants.instant(r, "written_at"), Optional.ofNullable(r.getString("note")),
                            ArticleKind.valueOf(r.getString("kind")), Category.of(r.getString("category")),
                            visibility(r.getString("visibility")),
                            originKind == null ? Optional.empty()
                                    : Optional.of(ArticleOrigin.of(ArticleOrigin.Kind.valueOf(originKind),
                                    r.getString("origin_reference")))));
                });
        Map<VariantKey, ArticleVariant.Builder> variants = new LinkedHashMap<>();
        sql.forEach(c, "SELECT article_id, version_number, ordinal, locale, title, body FROM " + t.variant() + in
                + " ORDER BY article_id, version_number, ordinal", bind, r -> variants.put(
                new VariantKey(new VersionKey(dialect.getUuid(r, "article_id"), r.getInt("version_number")), r.getInt("ordinal")),
                ArticleVariant.builder().locale(ContentLocale.of(r.getString("locale"))).title(r.getString("title"))
                        .body(r.getString("body"))));
        sql.forEach(c, "SELECT article_id, version_number, variant_ordinal, ordinal, url, duration_seconds, duration_nanos,"
                + " poster, transcript FROM " + t.media() + in
                + " ORDER BY article_id, version_number, variant_ordinal, ordinal", bind, r -> {
                    VariantKey key = new VariantKey(new VersionKey(dialect.getUuid(r, "article_id"), r.getInt("version_number")),
                            r.getInt("variant_ordinal"));
                    MediaEntry.Builder m = MediaEntry.builder().url(URI.create(r.getString("url")))
                            .transcript(r.getString("transcript"));
                    long seconds = r.getLong("duration_seconds");
                    if (!r.wasNull()) {
                        m.duration(Duration.ofSeconds(seconds, r.getInt("duration_nanos")));
                    }
                    String poster = r.getString("poster");
                    if (poster != null) {
                        m.poster(URI.create(poster));
                    }
                    variants.get(key).addMedia(m.build());
                });
        Map<VersionKey, List<String>> tags = new HashMap<>();
        sql.forEach(c, "SELECT article_id, version_number, tag FROM " + t.tag() + in, bind, r -> tags
                .computeIfAbsent(new VersionKey(dialect.getUuid(r, "article_id"), r.getInt("version_number")), k -> new ArrayList<>())
                .add(r.getString("tag")));
        Map<VersionKey, List<AttachmentRef>> attachments = new HashMap<>();
        sql.forEach(c, "SELECT article_id, version_number, ordinal, name, media_type, size_bytes, checksum, storage_key,"
                + " disposition, content_id FROM " + t.attachment() + in + " ORDER BY article_id, version_number, ordinal",
                bind, r -> {
                    AttachmentRef.Builder a = AttachmentRef.builder().name(r.getString("name"))
                            .mediaType(r.getString("media_type")).size(r.getLong("size_bytes"))
                            .checksum(new Checksum(r.getString("checksum"))).storageKey(StorageKey.of(r.getString("storage_key")))
                            .disposition(Disposition.valueOf(r.getString("disposition")));
                    String contentId = r.getString("content_id");
                    if (contentId != null) {
                        a.contentId(contentId);
                    }
                    attachments.computeIfAbsent(new VersionKey(dialect.getUuid(r, "article_id"), r.getInt("version_number")),
                            k -> new ArrayList<>()).add(a.build());
                });
        Map<VersionKey, List<ArticleVariant>> variantsByVersion = new HashMap<>();
        variants.forEach((k, b) -> variantsByVersion.computeIfAbsent(k.version(), x -> new ArrayList<>()).add(b.build()));
        List<Article> out = new ArrayList<>(heads.size());
        for (Head h : heads) {
            Article.Builder article = Article.builder().tenant(tenant).id(h.id()).revision(h.revision()).archived(h.archived());
            h.published().ifPresent(article::publishedVersion);
            for (int n = 1; n <= h.versionCount(); n++) {
                VersionKey key = new VersionKey(h.id().value(), n);
                VersionRow v = versions.get(key);
                if (v == null) {
                    throw new IllegalStateException("article " + h.id() + " of tenant " + tenant + " lacks version " + n);
                }
                ArticleContent content = ArticleContent.builder().kind(v.kind()).category(v.category())
                        .visibility(v.visibility()).addAllVariants(variantsByVersion.getOrDefault(key, List.of()))
                        .addAllTags(tags.getOrDefault(key, List.of()))
                        .addAllAttachments(attachments.getOrDefault(key, List.of())).origin(v.origin()).build();
                article.addVersion(ArticleVersion.builder().number(n).author(v.author()).at(v.at()).note(v.note())
                        .content(content).build());
            }
            out.add(article.build());
        }
        return out;
    }

    private static ArticleVisibility visibility(String key) {
        if (key.equals(ArticleVisibility.PUBLIC.key())) {
            return ArticleVisibility.PUBLIC;
        }
        if (key.equals(ArticleVisibility.INTERNAL.key())) {
            return ArticleVisibility.INTERNAL;
        }
        if (key.startsWith("segment:")) {
            return ArticleVisibility.segment(CustomerSegment.of(key.substring("segment:".length())));
        }
        throw new IllegalStateException("unknown article visibility in the database: " + key);
    }

    /** An article row. */
    record Head(ArticleId id, long revision, int versionCount, Optional<Integer> published, boolean archived) {
    }

    private record VersionKey(UUID article, int number) {
    }

    private record VariantKey(VersionKey version, int ordinal) {
    }

    private record VersionRow(int number, dev.helpdesk.spi.party.Actor author, Instant at, Optional<String> note,
                              ArticleKind kind, Category category, ArticleVisibility visibility,
                              Optional<ArticleOrigin> origin) {
    }
}
