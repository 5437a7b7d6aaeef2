package dev.helpdesk.spi.knowledge;

import dev.helpdesk.spi.ticket.Category;
import java.util.Objects;

/**
 * One article found by a search, in the locale the reader sees it in.
 *
 * @param id       the article
 * @param locale   the variant that matched and is shown: the first of the reader's chain that
 *                 the article has and the query matched
 * @param kind     its kind
 * @param category its category
 * @param title    its title in that locale, plain text (escape it before putting it in HTML)
 * @param snippet  a passage with the searched words marked; safe HTML through {@link Snippet#html()}
 * @param score    how well it matched: higher is better, comparable within one answer only
 */
public record SearchHit(ArticleId id, ContentLocale locale, ArticleKind kind, Category category, String title,
                        Snippet snippet, double score) {
    /**
     * Checks every part is present and the score is a number.
     *
     * @param id the article
     * @param locale the variant that matched and is shown: the first of the reader's chain that the article has and the query matched
     * @param kind its kind
     * @param category its category
     * @param title its title in that locale, plain text (escape it before putting it in HTML)
     * @param snippet a passage with the searched words marked; safe HTML through {@link Snippet#html()}
     * @param score how well it matched: higher is better, comparable within one answer only
     */
    public SearchHit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(snippet, "snippet");
        if (Double.isNaN(score) || Double.isInfinite(score)) {
            throw new IllegalArgumentException("a score is a finite number: " + score);
        }
    }
}
