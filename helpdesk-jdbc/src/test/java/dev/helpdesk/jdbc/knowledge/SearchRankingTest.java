package dev.helpdesk.jdbc.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.SharedKnowledge;
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
import org.junit.jupiter.api.Test;

/**
 * How the database searches rank: every word before any word, a page missing one word still
 * found; on PostgreSQL, the language's stemming ({@code shipped} finds {@code shipping},
 * {@code facturas} finds {@code factura}, {@code принтеры} finds {@code принтер}).
 */
class SearchRankingTest {
    private static final TenantId ACME = TenantId.of("acme");

    private static Article article(String name, ContentLocale locale, String title, String body) {
        ArticleContent content = ArticleContent.builder().kind(ArticleKind.ARTICLE).category(Category.HARDWARE)
                .visibility(ArticleVisibility.PUBLIC)
                .addVariant(ArticleVariant.builder().locale(locale).title(title).body(body).build()).build();
        return Article.builder().tenant(ACME).id(ArticleId.of(UUID.nameUUIDFromBytes(name.getBytes())))
                .addVersion(ArticleVersion.builder().number(1).author(Actor.agent("a")).at(Instant.EPOCH).content(content).build())
                .publishedVersion(1).revision(2).build();
    }

    private static List<String> titles(JdbcKnowledgeSearch search, String text, ContentLocale locale) {
        return search.search(KnowledgeQuery.builder().tenant(ACME).text(SearchText.of(text)).locales(LocaleChain.of(locale))
                .build()).get().stream().map(SearchHit::title).toList();
    }

    private static void everyWordFirst(JdbcKnowledgeSearch search) {
        search.index(article("two", ContentLocale.ENGLISH, "Paper jam", "Open the tray and remove the paper."));
        search.index(article("three", ContentLocale.ENGLISH, "Printer paper jam in tray two", "Remove the jammed sheet."));
        search.index(article("one", ContentLocale.ENGLISH, "Printer offline", "Check the cable."));
        List<String> found = titles(search, "printer paper jam tray", ContentLocale.ENGLISH);
        assertEquals("Printer paper jam in tray two", found.get(0));
        assertTrue(found.containsAll(List.of("Paper jam", "Printer offline")), "any word finds a page: " + found);
    }

    @Test
    void on_postgresql_every_word_ranks_first_and_words_are_stemmed_in_their_language() {
        JdbcKnowledgeSearch search = SharedKnowledge.emptySearch(Database.POSTGRESQL);
        everyWordFirst(search);
        search.index(article("ship", ContentLocale.ENGLISH, "Shipping times", "Orders are shipped within two days."));
        search.index(article("factura", ContentLocale.SPANISH, "Descargar la factura", "Desde la consola."));
        search.index(article("printer-ru", ContentLocale.RUSSIAN, "Принтер не печатает", "Проверьте кабель."));
        assertEquals(List.of("Shipping times"), titles(search, "ship", ContentLocale.ENGLISH));
        assertEquals(List.of("Descargar la factura"), titles(search, "facturas descargadas", ContentLocale.SPANISH));
        assertEquals(List.of("Принтер не печатает"), titles(search, "принтеры", ContentLocale.RUSSIAN));
    }

    @Test
    void on_h2_every_word_ranks_first_with_plain_matching() {
        everyWordFirst(SharedKnowledge.emptySearch(Database.H2));
    }
}
