package dev.helpdesk.spi.forum;

import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.ticket.TicketId;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A forum post as the desk tracks it: the question, whether and how it was answered, and the
 * ticket it became. Each change makes a new value with the next {@link #version()}.
 */
@Value.Immutable
public abstract class ForumPost {

    ForumPost() {
    }

    /**
     * Starts a post.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Its id in the forum.
     *
     * @return the id
     */
    public abstract PostId id();

    /**
     * Who asked.
     *
     * @return the customer
     */
    public abstract CustomerId author();

    /**
     * The question's title.
     *
     * @return the title
     */
    public abstract String title();

    /**
     * The question.
     *
     * @return the text
     */
    public abstract String body();

    /**
     * When it was posted.
     *
     * @return the time
     */
    public abstract Instant postedAt();

    /**
     * Where it stands.
     *
     * @return the status
     */
    public abstract PostStatus status();

    /**
     * The ticket it became when picked up.
     *
     * @return the ticket
     */
    public abstract Optional<TicketId> ticket();

    /**
     * The agent's answer, once published.
     *
     * @return the answer
     */
    public abstract Optional<String> answer();

    /**
     * How many changes it has had; 1 when reported.
     *
     * @return the version
     */
    public abstract long version();

    @Value.Check
    void check() {
        if (version() < 1) {
            throw new IllegalArgumentException("a post's version starts at 1");
        }
        if ((status() == PostStatus.ANSWERED || status() == PostStatus.ACCEPTED) && answer().isEmpty()) {
            throw new IllegalArgumentException("an answered post has its answer");
        }
    }

    /**
     * Builds a post; a missing part throws {@link dev.helpdesk.spi.ConfigurationException}
     * naming it. Not thread-safe.
     */
    public static final class Builder extends ImmutableForumPost.Builder {
        Builder() {
        }
    }
}
