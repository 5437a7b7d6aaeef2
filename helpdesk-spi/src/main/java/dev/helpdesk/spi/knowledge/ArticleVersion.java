package dev.helpdesk.spi.knowledge;

import dev.helpdesk.spi.internal.Configured;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One edit of an article: its number (1 for the first), who wrote it and when, an optional note
 * on what changed, and the content as it then was. Versions are never changed or removed.
 */
@Value.Immutable
public abstract class ArticleVersion {
    /** The longest change note, in code points. */
    public static final int MAX_NOTE_LENGTH = 500;

    ArticleVersion() {
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
     * Its number: 1 for the first, one more for each edit.
     *
     * @return the number, at least 1
     */
    public abstract int number();

    /**
     * Who wrote it: an agent, or a rule or integration that drafted it from a forum answer or a
     * known error.
     *
     * @return the author
     */
    public abstract Actor author();

    /**
     * When it was written, by the desk's clock.
     *
     * @return the time
     */
    public abstract Instant at();

    /**
     * What changed, in the author's words: one line.
     *
     * @return the note, if any
     */
    public abstract Optional<String> note();

    /**
     * The article as this version says it.
     *
     * @return the content
     */
    public abstract ArticleContent content();

    @Value.Check
    void check() {
        List<FieldError> errors = new ArrayList<>();
        if (number() < 1) {
            errors.add(new FieldError("number", "must be at least 1, not " + number()));
        }
        note().map(n -> Texts.lineProblem(n, MAX_NOTE_LENGTH)).ifPresent(p -> errors.add(new FieldError("note", p)));
        Configured.check("an article version", errors);
    }

    /** Builds an {@link ArticleVersion}. */
    public static final class Builder extends ImmutableArticleVersion.Builder {
        Builder() {
        }
    }
}
