package dev.helpdesk.spi.knowledge;

import dev.helpdesk.spi.internal.Configured;
import dev.helpdesk.spi.rejection.FieldError;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A video or other media of a tutorial, in one locale's variant: where it plays, how long it
 * runs, its poster image and its transcript. Search indexes the transcript with the variant's
 * body, so a tutorial is found by what is said in its video.
 */
@Value.Immutable
public abstract class MediaEntry {
    /** The largest transcript, in bytes of UTF-8. */
    public static final int MAX_TRANSCRIPT_BYTES = 512 * 1024;

    MediaEntry() {
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
     * Where the media plays: an absolute {@code https} or {@code http} URL.
     *
     * @return the URL
     */
    public abstract URI url();

    /**
     * How long it runs, when known.
     *
     * @return the running time, zero or more
     */
    public abstract Optional<Duration> duration();

    /**
     * The image shown before it plays: an absolute {@code https} or {@code http} URL.
     *
     * @return the poster, when there is one
     */
    public abstract Optional<URI> poster();

    /**
     * What is said in it, as plain text, at most {@value #MAX_TRANSCRIPT_BYTES} bytes; search
     * indexes it.
     *
     * @return the transcript, empty when there is none
     */
    @Value.Default
    public String transcript() {
        return "";
    }

    @Value.Check
    void check() {
        List<FieldError> errors = new ArrayList<>();
        String url = webProblem(url());
        if (url != null) {
            errors.add(new FieldError("url", url));
        }
        poster().map(MediaEntry::webProblem).ifPresent(p -> errors.add(new FieldError("poster", p)));
        duration().filter(Duration::isNegative)
                .ifPresent(d -> errors.add(new FieldError("duration", "must not be negative: " + d)));
        String transcript = Texts.textProblem(transcript(), MAX_TRANSCRIPT_BYTES);
        if (transcript != null) {
            errors.add(new FieldError("transcript", transcript));
        }
        Configured.check("a media entry", errors);
    }

    /**
     * The problem with a URL for media: absolute, {@code http} or {@code https}, with a host.
     *
     * @param uri a candidate
     * @return the problem, or null when it is fine
     */
    static String webProblem(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            return "must be an absolute http or https URL: " + uri;
        }
        return null;
    }

    /** Builds a {@link MediaEntry}. */
    public static final class Builder extends ImmutableMediaEntry.Builder {
        Builder() {
        }
    }
}
