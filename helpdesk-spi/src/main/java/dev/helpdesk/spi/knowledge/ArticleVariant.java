package dev.helpdesk.spi.knowledge;

import dev.helpdesk.spi.internal.Configured;
import dev.helpdesk.spi.rejection.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * An article in one language: its title, its body in Markdown and the media of that language
 * (a video with its transcript). The Markdown is stored as written; it becomes HTML only
 * through the desk's safe renderer, never as raw HTML.
 */
@Value.Immutable
public abstract class ArticleVariant {
    /** The longest title, in code points. */
    public static final int MAX_TITLE_LENGTH = 255;
    /** The largest body, in bytes of UTF-8. */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    /** The most media entries per variant. */
    public static final int MAX_MEDIA = 20;

    ArticleVariant() {
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
     * The language of this variant.
     *
     * @return the locale
     */
    public abstract ContentLocale locale();

    /**
     * The title: one line, 1 to {@value #MAX_TITLE_LENGTH} characters, plain text.
     *
     * @return the title
     */
    public abstract String title();

    /**
     * The body in Markdown, at most {@value #MAX_BODY_BYTES} bytes of UTF-8; may be empty for a
     * FAQ entry whose title says everything.
     *
     * @return the body
     */
    public abstract String body();

    /**
     * The media of this language, in the order shown.
     *
     * @return the media, at most {@value #MAX_MEDIA}
     */
    public abstract List<MediaEntry> media();

    @Value.Check
    void check() {
        List<FieldError> errors = new ArrayList<>();
        String title = Texts.lineProblem(title(), MAX_TITLE_LENGTH);
        if (title != null) {
            errors.add(new FieldError("title", title));
        }
        String body = Texts.textProblem(body(), MAX_BODY_BYTES);
        if (body != null) {
            errors.add(new FieldError("body", body));
        }
        if (media().size() > MAX_MEDIA) {
            errors.add(new FieldError("media", "must hold at most " + MAX_MEDIA + " entries"));
        }
        Configured.check("an article variant in " + locale(), errors);
    }

    /** Builds an {@link ArticleVariant}. */
    public static final class Builder extends ImmutableArticleVariant.Builder {
        Builder() {
        }
    }
}
