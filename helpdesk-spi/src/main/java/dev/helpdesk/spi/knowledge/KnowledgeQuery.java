package dev.helpdesk.spi.knowledge;

import dev.helpdesk.spi.internal.Configured;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A search of one tenant's knowledge base: the words, who searches and in which languages,
 * and optional filters. Only published articles the viewer may read and that have a variant in
 * the viewer's chain are found; each is found once, in the first locale of the chain it has
 * among those the words matched.
 *
 * <p>Filters narrow, they do not rank: an empty set means any. A category filter matches the
 * category itself and the categories below it ({@code technical} matches
 * {@code technical.troubleshooting}); a tag filter requires every tag named.
 */
@Value.Immutable
public abstract class KnowledgeQuery {
    /** The most hits one search answers. */
    public static final int MAX_LIMIT = 100;

    KnowledgeQuery() {
    }

    /**
     * A builder; {@code build()} throws {@link dev.helpdesk.spi.ConfigurationException} naming every
     * missing or bad part. The text itself is read beforehand with {@link SearchText#parse(String)},
     * which answers a {@link dev.helpdesk.spi.rejection.Rejection} for bad input.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whose knowledge base is searched.
     *
     * @return the tenant
     */
    public abstract TenantId tenant();

    /**
     * The words typed.
     *
     * @return the text
     */
    public abstract SearchText text();

    /**
     * Who searches, which decides the visibilities found.
     *
     * @return the viewer; anonymous unless given
     */
    @Value.Default
    public Viewer viewer() {
        return Viewer.ANONYMOUS;
    }

    /**
     * The reader's locale and the tenant's fallbacks, best first.
     *
     * @return the chain
     */
    public abstract LocaleChain locales();

    /**
     * Only articles of these categories or below them.
     *
     * @return the categories; empty for any
     */
    public abstract Set<Category> categories();

    /**
     * Only articles that have every one of these tags.
     *
     * @return the tags; empty for any
     */
    public abstract Set<String> tags();

    /**
     * Only articles of these kinds.
     *
     * @return the kinds; empty for any
     */
    public abstract Set<ArticleKind> kinds();

    /**
     * The most hits to answer.
     *
     * @return 1 to {@value #MAX_LIMIT}; 10 unless given
     */
    @Value.Default
    public int limit() {
        return 10;
    }

    @Value.Check
    void check() {
        List<FieldError> errors = new ArrayList<>();
        if (limit() < 1 || limit() > MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be 1-" + MAX_LIMIT + ", not " + limit()));
        }
        for (String tag : tags()) {
            String problem = Labels.problem(tag);
            if (problem != null) {
                errors.add(new FieldError("tags", problem + ": " + tag));
            }
        }
        Configured.check("a knowledge search", errors);
    }

    /**
     * Tells whether an article's category passes the category filter.
     *
     * @param category the article's category
     * @return true when no category is asked or it is one asked or below one
     */
    public boolean acceptsCategory(Category category) {
        return categories().isEmpty() || categories().stream()
                .anyMatch(c -> category.equals(c) || category.code().startsWith(c.code() + "."));
    }

    /** Builds a {@link KnowledgeQuery}. */
    public static final class Builder extends ImmutableKnowledgeQuery.Builder {
        Builder() {
        }
    }
}
