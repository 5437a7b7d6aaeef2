package dev.helpdesk.spi.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.sla.CustomerSegment;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KnowledgeValuesTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private static ArticleVersion version(int number, Instant at, String title) {
        return ArticleVersion.builder().number(number).author(Actor.agent("ana")).at(at)
                .content(ArticleContent.builder().kind(ArticleKind.ARTICLE).category(Category.TROUBLESHOOTING)
                        .visibility(ArticleVisibility.PUBLIC)
                        .addVariant(ArticleVariant.builder().locale(ContentLocale.ENGLISH).title(title).body("Body").build())
                        .build())
                .build();
    }

    @Test
    void a_published_version_stays_readable_while_the_next_is_drafted() {
        Article article = Article.builder().tenant(TenantId.of("acme")).id(ArticleId.of(new UUID(1, 2)))
                .addVersion(version(1, T0, "Printing"))
                .addVersion(version(2, T0.plusSeconds(60), "Printing, revised"))
                .publishedVersion(1).revision(3).build();

        assertEquals(ArticleStatus.PUBLISHED, article.status());
        assertEquals(1, article.published().orElseThrow().number());
        assertEquals(2, article.draft().orElseThrow().number());
    }

    @Test
    void an_article_is_a_draft_until_published_and_archiving_hides_every_version() {
        Article draft = Article.builder().tenant(TenantId.of("acme")).id(ArticleId.of(new UUID(1, 2)))
                .addVersion(version(1, T0, "Printing")).revision(1).build();
        assertEquals(ArticleStatus.DRAFT, draft.status());
        assertTrue(draft.published().isEmpty());

        Article archived = Article.builder().from(draft).publishedVersion(1).archived(true).revision(3).build();
        assertEquals(ArticleStatus.ARCHIVED, archived.status());
        assertTrue(archived.published().isEmpty());
        assertTrue(archived.draft().isEmpty());
    }

    @Test
    void versions_out_of_order_and_a_published_version_that_does_not_exist_are_named_together() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Article.builder()
                .tenant(TenantId.of("acme")).id(ArticleId.of(new UUID(1, 2)))
                .addVersion(version(2, T0, "Printing")).publishedVersion(4).revision(1).build());
        assertTrue(e.names("versions"));
        assertTrue(e.names("published version"));
    }

    @Test
    void content_refuses_two_variants_of_one_locale_bad_tags_and_no_variant_at_all() {
        ArticleVariant en = ArticleVariant.builder().locale(ContentLocale.ENGLISH).title("A").body("").build();
        ConfigurationException twice = assertThrows(ConfigurationException.class, () -> ArticleContent.builder()
                .kind(ArticleKind.FAQ).category(Category.BILLING).visibility(ArticleVisibility.INTERNAL)
                .addVariant(en).addVariant(en).addTag("not a label").build());
        assertTrue(twice.names("variants"));
        assertTrue(twice.names("tags"));

        ConfigurationException none = assertThrows(ConfigurationException.class, () -> ArticleContent.builder()
                .kind(ArticleKind.FAQ).category(Category.BILLING).visibility(ArticleVisibility.INTERNAL).build());
        assertTrue(none.names("variants"));
    }

    @Test
    void a_variant_title_is_one_line_and_media_plays_from_the_web() {
        ConfigurationException title = assertThrows(ConfigurationException.class, () -> ArticleVariant.builder()
                .locale(ContentLocale.DUTCH).title("Two\nlines").body("x").build());
        assertTrue(title.names("title"));

        ConfigurationException media = assertThrows(ConfigurationException.class, () -> MediaEntry.builder()
                .url(URI.create("javascript:alert(1)")).poster(URI.create("file:///etc/passwd"))
                .duration(Duration.ofSeconds(-1)).build());
        assertTrue(media.names("url"));
        assertTrue(media.names("poster"));
        assertTrue(media.names("duration"));
    }

    @Test
    void locales_are_canonical_bcp47_tags_of_known_languages() {
        assertEquals("en-US", ContentLocale.of("en-us").tag());
        assertEquals("es-419", ContentLocale.parse("es-419").get().tag());
        assertEquals("sr-Latn", ContentLocale.parse("sr-Latn-RS").get().parent().orElseThrow().tag());
        for (String bad : new String[] {"", "xx", "klingon", "en_US!", "und", "qab", "en-" }) {
            Rejection r = ContentLocale.parse(bad).getLeft();
            assertTrue(((Rejection.Invalid) r).names("locale"), bad);
        }
        assertThrows(ConfigurationException.class, () -> ContentLocale.of("xx"));
    }

    @Test
    void a_reader_sees_the_first_locale_of_the_chain_an_article_has() {
        LocaleChain chain = LocaleChain.of(ContentLocale.of("nl-BE"), ContentLocale.ENGLISH);
        assertEquals(List.of(ContentLocale.of("nl-BE"), ContentLocale.DUTCH, ContentLocale.ENGLISH), chain.expanded());
        assertEquals(Optional.of(ContentLocale.DUTCH), chain.pick(List.of(ContentLocale.ENGLISH, ContentLocale.DUTCH)));
        assertEquals(Optional.of(ContentLocale.ENGLISH), chain.pick(List.of(ContentLocale.RUSSIAN, ContentLocale.ENGLISH)));
        assertEquals(Optional.of(ContentLocale.of("nl-NL")), chain.pick(List.of(ContentLocale.of("nl-NL"), ContentLocale.ENGLISH)));
        assertEquals(Optional.empty(), chain.pick(List.of(ContentLocale.RUSSIAN)));
        assertThrows(ConfigurationException.class, () -> new LocaleChain(List.of()));
    }

    @Test
    void search_text_is_words_normalized_and_bounded() {
        assertEquals("page references", SearchText.parse("  page\t\nreferences ").get().value());
        assertTrue(((Rejection.Invalid) SearchText.parse("x".repeat(10_000)).getLeft()).names("query"));
        assertTrue(SearchText.parse("   ").isLeft());
        assertTrue(SearchText.parse("a\u0000b").isLeft());
        assertTrue(SearchText.parse("title:foo AND (bar OR \"baz\"~2)*").isRight());
        assertTrue(SearchText.parse("?!.,;").isRight());
    }

    @Test
    void a_snippet_in_html_escapes_everything_but_its_marks() {
        Snippet s = Snippet.of("<script>alert('x')</script> & page", List.of(new int[] {30, 34}));
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; <mark>page</mark>", s.html());
        assertEquals(List.of("page"), s.highlights());
    }

    @Test
    void customers_read_public_articles_and_their_segments_agents_read_everything() {
        CustomerSegment gold = CustomerSegment.of("gold");
        Viewer customer = Viewer.customer(Set.of(gold));
        assertTrue(customer.mayRead(ArticleVisibility.PUBLIC));
        assertTrue(customer.mayRead(ArticleVisibility.segment(gold)));
        assertFalse(customer.mayRead(ArticleVisibility.segment(CustomerSegment.of("silver"))));
        assertFalse(customer.mayRead(ArticleVisibility.INTERNAL));
        assertFalse(Viewer.ANONYMOUS.mayRead(ArticleVisibility.segment(gold)));
        assertTrue(Viewer.AGENT.mayRead(ArticleVisibility.INTERNAL));
        assertEquals(Set.of("public", "segment:gold"), customer.readableKeys());
    }

    @Test
    void a_query_names_a_bad_limit_and_bad_tags_at_once() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> KnowledgeQuery.builder()
                .tenant(TenantId.of("acme")).text(SearchText.of("printer"))
                .locales(LocaleChain.of(ContentLocale.ENGLISH)).limit(0).addTag("two words").build());
        assertTrue(e.names("limit"));
        assertTrue(e.names("tags"));
    }

    @Test
    void a_category_filter_takes_the_categories_below_it() {
        KnowledgeQuery q = KnowledgeQuery.builder().tenant(TenantId.of("acme")).text(SearchText.of("printer"))
                .locales(LocaleChain.of(ContentLocale.ENGLISH)).addCategory(Category.of("technical")).build();
        assertTrue(q.acceptsCategory(Category.HARDWARE));
        assertFalse(q.acceptsCategory(Category.BILLING));
        assertFalse(q.acceptsCategory(Category.of("technicality")));
    }

    @Test
    void article_ids_parse_their_text_and_order_unsigned() {
        ArticleId low = ArticleId.parse("00000000-0000-0000-0000-000000000001").get();
        ArticleId high = ArticleId.parse("ffffffff-0000-0000-0000-000000000000").get();
        assertTrue(low.compareTo(high) < 0);
        assertTrue(ArticleId.parse("not-a-uuid").isLeft());
        assertTrue(ArticleOrigin.parse(null, "a b").getLeft() instanceof Rejection.Invalid inv
                && inv.names("origin kind") && inv.names("origin reference"));
    }
}
