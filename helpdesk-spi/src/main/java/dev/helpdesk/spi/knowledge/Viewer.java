package dev.helpdesk.spi.knowledge;

import dev.helpdesk.spi.sla.CustomerSegment;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who reads or searches the knowledge base, as far as visibility is concerned: a visitor who
 * is not signed in, a customer with the segments the host's CRM gives them, or an agent.
 */
public sealed interface Viewer {
    /** A visitor who is not signed in: public articles only. */
    Viewer ANONYMOUS = new Anonymous();
    /** An agent: every article, internal ones too. */
    Viewer AGENT = new Agent();

    /**
     * A signed-in customer.
     *
     * @param segments the customer's segments, possibly none
     * @return the viewer
     */
    static Viewer customer(Set<CustomerSegment> segments) {
        return new Customer(segments);
    }

    /**
     * Tells whether this viewer may read an article of some visibility.
     *
     * @param visibility the article's visibility
     * @return true when it may
     */
    boolean mayRead(ArticleVisibility visibility);

    /**
     * The {@link ArticleVisibility#key() keys} of every visibility this viewer may read,
     * except that an agent's set is empty and {@link #readsEverything()} says so: a search
     * index filters on these.
     *
     * @return the keys
     */
    Set<String> readableKeys();

    /**
     * Tells whether this viewer may read every article (an agent).
     *
     * @return true for agents
     */
    default boolean readsEverything() {
        return false;
    }

    /** A visitor who is not signed in. */
    record Anonymous() implements Viewer {
        @Override
        public boolean mayRead(ArticleVisibility visibility) {
            return visibility instanceof ArticleVisibility.Public;
        }

        @Override
        public Set<String> readableKeys() {
            return Set.of(ArticleVisibility.PUBLIC.key());
        }
    }

    /** An agent of the desk. */
    record Agent() implements Viewer {
        @Override
        public boolean mayRead(ArticleVisibility visibility) {
            return true;
        }

        @Override
        public Set<String> readableKeys() {
            return Set.of();
        }

        @Override
        public boolean readsEverything() {
            return true;
        }
    }

    /**
     * A signed-in customer: public articles and those of the customer's segments.
     *
     * @param segments the customer's segments
     */
    record Customer(Set<CustomerSegment> segments) implements Viewer {
        /**
         * Copies the segments; none is null.
         *
         * @param segments the customer's segments
         */
        public Customer {
            segments = Set.copyOf(segments);
        }

        @Override
        public boolean mayRead(ArticleVisibility visibility) {
            return visibility instanceof ArticleVisibility.Public
                    || visibility instanceof ArticleVisibility.Segment s && segments.contains(s.segment());
        }

        @Override
        public Set<String> readableKeys() {
            Set<String> keys = new LinkedHashSet<>();
            keys.add(ArticleVisibility.PUBLIC.key());
            segments.forEach(s -> keys.add(ArticleVisibility.segment(s).key()));
            return keys;
        }
    }
}
