package dev.helpdesk.search.lucene.relevance;

import dev.helpdesk.spi.knowledge.Article;
import dev.helpdesk.spi.knowledge.ArticleContent;
import dev.helpdesk.spi.knowledge.ArticleId;
import dev.helpdesk.spi.knowledge.ArticleKind;
import dev.helpdesk.spi.knowledge.ArticleVariant;
import dev.helpdesk.spi.knowledge.ArticleVersion;
import dev.helpdesk.spi.knowledge.ArticleVisibility;
import dev.helpdesk.spi.knowledge.ContentLocale;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The relevance set of {@code src/test/resources/relevance}: about 64 help pages of an office
 * suite per language (en, nl, es, ru) and 42 index-term queries per language with the pages
 * that answer them, of which 28 were used while choosing the ranking's weights ("tune") and 14
 * were not ("held").
 */
public final class RelevanceSet {
    /** The tenant every page belongs to. */
    public static final TenantId TENANT = TenantId.of("relevance");
    /** The languages of the set. */
    public static final List<String> LANGUAGES = List.of("en", "nl", "es", "ru");

    /** A help page. */
    public record Page(String language, String key, String title, String body) {
        /** The page's article id: the same key in two languages gives two articles. */
        public ArticleId id() {
            return ArticleId.of(UUID.nameUUIDFromBytes((language + "/" + key).getBytes(StandardCharsets.UTF_8)));
        }

        /** The page as a published article with one variant. */
        public Article article() {
            ArticleVariant variant = ArticleVariant.builder().locale(ContentLocale.of(language)).title(title).body(body).build();
            ArticleContent content = ArticleContent.builder().kind(ArticleKind.ARTICLE).category(Category.KNOWLEDGE_BASE)
                    .visibility(ArticleVisibility.PUBLIC).addVariant(variant).build();
            return Article.builder().tenant(TENANT).id(id())
                    .addVersion(ArticleVersion.builder().number(1).author(Actor.agent("writer"))
                            .at(Instant.parse("2026-01-01T00:00:00Z")).content(content).build())
                    .publishedVersion(1).revision(2).build();
        }
    }

    /** A query with the keys of the pages that answer it. */
    public record Query(String language, boolean held, String text, List<String> relevant) {
    }

    private RelevanceSet() {
    }

    /** The pages of a language. */
    public static List<Page> pages(String language) {
        List<Page> pages = new ArrayList<>();
        String key = null;
        String title = null;
        StringBuilder body = new StringBuilder();
        for (String line : lines("articles-" + language + ".txt")) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("@")) {
                if (key != null) {
                    pages.add(new Page(language, key, title, body.toString().strip()));
                }
                String[] parts = line.substring(1).split("\\|", 2);
                key = parts[0].strip();
                title = parts[1].strip();
                body.setLength(0);
            } else {
                body.append(line).append('\n');
            }
        }
        if (key != null) {
            pages.add(new Page(language, key, title, body.toString().strip()));
        }
        return pages;
    }

    /** The queries of a language. */
    public static List<Query> queries(String language) {
        List<Query> queries = new ArrayList<>();
        for (String line : lines("queries-" + language + ".txt")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|");
            queries.add(new Query(language, parts[0].strip().equals("held"), parts[1].strip(),
                    Arrays.stream(parts[2].split(",")).map(String::strip).toList()));
        }
        return queries;
    }

    private static List<String> lines(String name) {
        try (InputStream in = RelevanceSet.class.getResourceAsStream("/relevance/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing relevance file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
