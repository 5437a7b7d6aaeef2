package dev.helpdesk.core.forum;

import dev.helpdesk.spi.forum.ForumPublisher;
import dev.helpdesk.spi.forum.ForumStore;
import dev.helpdesk.spi.forum.KnowledgeCandidates;
import dev.helpdesk.spi.ticket.Category;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * How the desk watches the community forum: how long a post may wait unanswered before it
 * becomes a ticket, the category of such tickets, where agents' answers are published and where
 * accepted answers go as candidate articles.
 */
@Value.Immutable
public abstract class ForumSettings {

    ForumSettings() {
    }

    /**
     * Starts the settings.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * How long a post may stay unanswered before the desk picks it up as a ticket.
     *
     * @return the time, 24 hours unless set
     */
    @Value.Default
    public Duration pickUpAfter() {
        return Duration.ofHours(24);
    }

    /**
     * The category of the tickets posts become.
     *
     * @return the category, {@link Category#PRODUCT_INFORMATION} unless set
     */
    @Value.Default
    public Category category() {
        return Category.PRODUCT_INFORMATION;
    }

    /**
     * Where posts are tracked.
     *
     * @return the store, a new in-memory store unless set
     */
    @Value.Default
    public ForumStore store() {
        return new InMemoryForumStore();
    }

    /**
     * Where agents' answers are published.
     *
     * @return the publisher, {@link ForumPublisher#NONE} unless set
     */
    @Value.Default
    public ForumPublisher publisher() {
        return ForumPublisher.NONE;
    }

    /**
     * Where accepted answers go.
     *
     * @return the port, a new in-memory inbox unless set
     */
    @Value.Default
    public KnowledgeCandidates candidates() {
        return new InMemoryKnowledgeCandidates();
    }

    /**
     * Whether an accepted answer also becomes a draft article of the desk's knowledge base (an
     * FAQ entry in {@link #draftLocale()}, in the forum's {@link #category()}, tagged
     * {@code forum}, its origin the post), once per post, for an editor to review and publish.
     * It is offered to {@link #candidates()} either way.
     *
     * @return true unless switched off
     */
    @Value.Default
    public boolean draftArticles() {
        return true;
    }

    /**
     * The language of the forum, which its drafts are written in.
     *
     * @return a BCP 47 tag, {@code en} unless set
     */
    @Value.Default
    public String draftLocale() {
        return "en";
    }

    /**
     * The heading above the answer in a draft's body.
     *
     * @return the heading, {@code Answer} unless set
     */
    @Value.Default
    public String answerHeading() {
        return "Answer";
    }

    @Value.Check
    void check() {
        if (pickUpAfter().isNegative()) {
            throw new IllegalArgumentException("pickUpAfter is not negative");
        }
    }

    /**
     * Builds the settings; a missing part throws {@link dev.helpdesk.spi.ConfigurationException}
     * naming it. Not thread-safe.
     */
    public static final class Builder extends ImmutableForumSettings.Builder {
        Builder() {
        }
    }
}
