package dev.helpdesk.spi.knowledge;

import dev.helpdesk.spi.channel.AttachmentRef;
import dev.helpdesk.spi.internal.Configured;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Labels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import org.immutables.value.Value;

/**
 * What one version of an article says and who may read it: its kind, a variant per locale,
 * the category from the ticket taxonomy, tags, visibility, attachments and, when it was drafted
 * from something else, its origin. Every edit of an article makes a new content in a new
 * {@link ArticleVersion}.
 */
@Value.Immutable
public abstract class ArticleContent {
    /** The most locale variants. */
    public static final int MAX_VARIANTS = 64;
    /** The most tags. */
    public static final int MAX_TAGS = 50;
    /** The most attachments. */
    public static final int MAX_ATTACHMENTS = 50;

    ArticleContent() {
    }

    /**
     * A builder; {@code build()} throws {@link dev.helpdesk.spi.ConfigurationException} naming every
     * missing or bad part.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The shape of help it is.
     *
     * @return the kind
     */
    public abstract ArticleKind kind();

    /**
     * The text in each language, one variant per locale, at least one.
     *
     * @return the variants, in the order given
     */
    public abstract List<ArticleVariant> variants();

    /**
     * What it is about, from the ticket taxonomy, so that suggestions for a ticket of a category
     * can prefer its articles.
     *
     * @return the category
     */
    public abstract Category category();

    /**
     * Its tags: labels as on tickets ({@link Labels}), at most {@value #MAX_TAGS}.
     *
     * @return the tags, in alphabetical order
     */
    @Value.NaturalOrder
    public abstract SortedSet<String> tags();

    /**
     * Who may read it once published.
     *
     * @return the visibility
     */
    public abstract ArticleVisibility visibility();

    /**
     * Files that go with it (a PDF, a screenshot), kept by the host's
     * {@link dev.helpdesk.spi.channel.AttachmentStore}.
     *
     * @return the attachments, at most {@value #MAX_ATTACHMENTS}
     */
    public abstract List<AttachmentRef> attachments();

    /**
     * What it was drafted from, if anything.
     *
     * @return the origin
     */
    public abstract Optional<ArticleOrigin> origin();

    /**
     * The variant in a locale.
     *
     * @param locale the locale
     * @return the variant of exactly that locale, if there is one
     */
    public Optional<ArticleVariant> variant(ContentLocale locale) {
        return variants().stream().filter(v -> v.locale().equals(locale)).findFirst();
    }

    /**
     * The locales it is written in.
     *
     * @return the locales, in the order of {@link #variants()}
     */
    public List<ContentLocale> locales() {
        return variants().stream().map(ArticleVariant::locale).toList();
    }

    /**
     * The variant a reader sees.
     *
     * @param chain the reader's locales
     * @return the variant of the first locale of the chain it has, if any
     */
    public Optional<ArticleVariant> variantFor(LocaleChain chain) {
        return chain.pick(locales()).flatMap(this::variant);
    }

    @Value.Check
    void check() {
        List<FieldError> errors = new ArrayList<>();
        if (variants().isEmpty()) {
            errors.add(new FieldError("variants", "must hold at least one locale"));
        } else if (variants().size() > MAX_VARIANTS) {
            errors.add(new FieldError("variants", "must hold at most " + MAX_VARIANTS + " locales"));
        }
        Set<ContentLocale> seen = new HashSet<>();
        for (ArticleVariant v : variants()) {
            if (!seen.add(v.locale())) {
                errors.add(new FieldError("variants", "must hold one variant per locale; " + v.locale() + " repeats"));
            }
        }
        if (tags().size() > MAX_TAGS) {
            errors.add(new FieldError("tags", "must hold at most " + MAX_TAGS + " tags"));
        }
        for (String tag : tags()) {
            String problem = Labels.problem(tag);
            if (problem != null) {
                errors.add(new FieldError("tags", problem + ": " + tag));
            }
        }
        if (attachments().size() > MAX_ATTACHMENTS) {
            errors.add(new FieldError("attachments", "must hold at most " + MAX_ATTACHMENTS + " files"));
        }
        Configured.check("an article's content", errors);
    }

    /** Builds an {@link ArticleContent}. */
    public static final class Builder extends ImmutableArticleContent.Builder {
        Builder() {
        }
    }
}
