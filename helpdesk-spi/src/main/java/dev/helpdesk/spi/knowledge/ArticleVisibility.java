package dev.helpdesk.spi.knowledge;

import dev.helpdesk.spi.sla.CustomerSegment;
import java.util.Objects;

/**
 * Who may read a published article: everybody, the customers of one segment (and agents), or
 * agents only. {@link Viewer#mayRead(ArticleVisibility)} applies it; search filters by it before
 * ranking, so a hidden article never shows, not even as a count.
 */
public sealed interface ArticleVisibility {
    /** Everybody, also visitors who are not signed in. */
    ArticleVisibility PUBLIC = new Public();
    /** Agents only: internal procedures, known errors before a fix is public. */
    ArticleVisibility INTERNAL = new Internal();

    /**
     * Readable by the customers of one segment and by agents.
     *
     * @param segment the segment, such as {@code enterprise}
     * @return the visibility
     */
    static ArticleVisibility segment(CustomerSegment segment) {
        return new Segment(segment);
    }

    /**
     * A short, stable text for an index or a column: {@code public}, {@code internal} or
     * {@code segment:<code>}.
     *
     * @return the key
     */
    String key();

    /** Everybody may read it. */
    record Public() implements ArticleVisibility {
        @Override
        public String key() {
            return "public";
        }
    }

    /** Only agents may read it. */
    record Internal() implements ArticleVisibility {
        @Override
        public String key() {
            return "internal";
        }
    }

    /**
     * Customers of a segment and agents may read it.
     *
     * @param segment the segment
     */
    record Segment(CustomerSegment segment) implements ArticleVisibility {
        /**
         * Checks the segment is present.
         *
         * @param segment the segment
         */
        public Segment {
            Objects.requireNonNull(segment, "segment");
        }

        @Override
        public String key() {
            return "segment:" + segment.code();
        }
    }
}
