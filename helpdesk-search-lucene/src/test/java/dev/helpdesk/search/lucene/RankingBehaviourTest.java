package dev.helpdesk.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.search.lucene.internal.Ranking;
import dev.helpdesk.spi.knowledge.Article;
import dev.helpdesk.spi.knowledge.ArticleContent;
import dev.helpdesk.spi.knowledge.ArticleId;
import dev.helpdesk.spi.knowledge.ArticleKind;
import dev.helpdesk.spi.knowledge.ArticleVariant;
import dev.helpdesk.spi.knowledge.ArticleVersion;
import dev.helpdesk.spi.knowledge.ArticleVisibility;
import dev.helpdesk.spi.knowledge.ContentLocale;
import dev.helpdesk.spi.knowledge.KnowledgeQuery;
import dev.helpdesk.spi.knowledge.LocaleChain;
import dev.helpdesk.spi.knowledge.SearchHit;
import dev.helpdesk.spi.knowledge.SearchText;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * Each part of the ranking, on a few articles written for it: the behaviour is shown with the
 * part on, and where a weight switches it off, the same search without it answers differently,
 * so that each test can fail.
 */
class RankingBehaviourTest {
    private static final TenantId TENANT = TenantId.of("ranking");
    private static final Ranking D = Ranking.DEFAULT;

    private static Article article(String id, String language, String title, String body) {
        ArticleVariant variant = ArticleVariant.builder().locale(ContentLocale.of(language)).title(title).body(body).build();
        ArticleContent content = ArticleContent.builder().kind(ArticleKind.ARTICLE).category(Category.KNOWLEDGE_BASE)
                .visibility(ArticleVisibility.PUBLIC).addVariant(variant).build();
        return Article.builder().tenant(TENANT).id(ArticleId.of(UUID.fromString(id)))
                .addVersion(ArticleVersion.builder().number(1).author(Actor.agent("writer"))
                        .at(Instant.parse("2026-01-01T00:00:00Z")).content(content).build())
                .publishedVersion(1).revision(2).build();
    }

    private static List<String> search(Ranking ranking, List<Article> articles, String language, String text) {
        try (LuceneKnowledgeSearch search = new LuceneKnowledgeSearch(new ByteBuffersDirectory(), ranking)) {
            search.rebuild(TENANT, articles);
            return search.search(KnowledgeQuery.builder().tenant(TENANT).text(SearchText.of(text))
                            .locales(LocaleChain.of(ContentLocale.of(language))).limit(10).build())
                    .get().stream().map(SearchHit::id).map(id -> id.value().toString()).toList();
        }
    }

    private static final String A = "00000000-0000-0000-0000-00000000000a";
    private static final String B = "00000000-0000-0000-0000-00000000000b";
    private static final String C = "00000000-0000-0000-0000-00000000000c";

    @Test
    void a_dutch_compound_finds_the_article_that_writes_its_parts_apart() {
        List<Article> articles = List.of(
                article(A, "nl", "Kopteksten", "Een koptekst staat boven aan elke pagina van het document."),
                article(B, "nl", "Verwijzingen naar een blad", "Zo voegt u verwijzingen naar een ander blad in een formule in."));
        assertEquals(List.of(B), search(D, articles, "nl", "bladverwijzingen"));
        Ranking withoutSplits = new Ranking(D.title(), D.heading(), D.exact(), D.coverage(), D.phrase(), 0, D.suffix(), D.fuzzy(), D.length());
        assertTrue(search(withoutSplits, articles, "nl", "bladverwijzingen").isEmpty());
    }

    @Test
    void a_dutch_word_finds_the_compounds_it_ends() {
        List<Article> articles = List.of(
                article(A, "nl", "Kruisverwijzingen invoegen", "Een kruisverwijzing wijst naar een kop, een figuur of een tabel."),
                article(B, "nl", "Kopteksten", "Een koptekst staat boven aan elke pagina van het document."));
        assertEquals(List.of(A), search(D, articles, "nl", "verwijzingen"));
        Ranking withoutEnds = new Ranking(D.title(), D.heading(), D.exact(), D.coverage(), D.phrase(), D.split(), 0, D.fuzzy(), D.length());
        assertTrue(search(withoutEnds, articles, "nl", "verwijzingen").isEmpty());
    }

    @Test
    void a_hyphenated_or_dotted_function_name_is_found_by_its_parts_and_by_its_joined_form() {
        List<Article> articles = List.of(
                article(A, "nl", "ALS.NB", "De functie ALS.NB geeft de waarde terug als een uitdrukking niet #N/B oplevert."),
                article(B, "nl", "ALS", "De functie ALS kiest een waarde op grond van een voorwaarde."),
                article(C, "nl", "Sorteren", "Gegevens sorteren in een werkblad."));
        assertEquals(A, search(D, articles, "nl", "ALSNB-functie").get(0));
        assertEquals(A, search(D, articles, "nl", "alsnb").get(0));
        assertEquals(A, search(D, articles, "nl", "ALS.NB").get(0));
    }

    @Test
    void documents_with_every_word_come_first_and_a_word_no_article_has_does_not_empty_the_answer() {
        List<Article> articles = List.of(
                article(A, "en", "Printer settings", "Printer, printer, printer: choose the printer and the printer's tray."),
                article(B, "en", "Margins of a printed page", "Set the page margins before the printer prints the page."));
        // "zorblax" is in no article: an all-words search would find nothing
        assertEquals(List.of(B, A), search(D, articles, "en", "printer margins zorblax"));
        // A repeats one word, B has both: B first, but only because each word a document has counts
        assertEquals(List.of(B, A), search(D, articles, "en", "printer printer printer margins"));
        Ranking withoutCoverage = new Ranking(D.title(), D.heading(), D.exact(), 0, 0, D.split(), D.suffix(), D.fuzzy(), D.length());
        assertEquals(List.of(A, B), search(withoutCoverage, articles, "en", "printer printer printer margins"));
    }

    @Test
    void a_word_in_a_heading_weighs_more_than_the_same_word_in_a_paragraph() {
        // the same words, once as a heading, once in a paragraph; equal scores would put A first by id
        List<Article> articles = List.of(
                article(A, "en", "Working with tables", "Tables hold rows of data.\n\nPivot summaries are covered elsewhere."),
                article(B, "en", "Working with tables", "Tables hold rows of data.\n\n## Pivot summaries\n\nAre covered elsewhere."));
        assertEquals(List.of(B, A), search(D, articles, "en", "pivot"));
        Ranking withoutHeadings = new Ranking(D.title(), 0, D.exact(), D.coverage(), D.phrase(), D.split(), D.suffix(), D.fuzzy(), D.length());
        assertEquals(List.of(A, B), search(withoutHeadings, articles, "en", "pivot"));
    }

    @Test
    void an_exact_word_outranks_a_word_that_only_shares_its_stem() {
        // English stemming makes "organization" and "organ" one stem; on stems alone A and B tie
        // and A would come first by id
        List<Article> articles = List.of(
                article(A, "en", "Organization charts", "Draw an organization chart with connectors."),
                article(B, "en", "Organ charts", "Draw an organ chart with connectors."));
        assertEquals(List.of(B, A), search(D, articles, "en", "organ"));
    }
}
