package dev.helpdesk.spi.forum;

import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.TicketId;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An accepted forum answer, offered as a candidate knowledge-base article: the question and the
 * answer the author accepted, with the post and the ticket they came from. What becomes of it
 * (an article draft, a review) is the knowledge base's to decide.
 */
@Value.Immutable
public abstract class KnowledgeCandidate {

    KnowledgeCandidate() {
    }

    /**
     * Starts a candidate.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The tenant.
     *
     * @return the tenant
     */
    public abstract TenantId tenant();

    /**
     * The post the question was asked in.
     *
     * @return the post
     */
    public abstract PostId post();

    /**
     * The question: the post's title.
     *
     * @return the title
     */
    public abstract String question();

    /**
     * The question's text: the post's body.
     *
     * @return the text
     */
    public abstract String details();

    /**
     * The accepted answer.
     *
     * @return the answer
     */
    public abstract String answer();

    /**
     * The ticket the post became, when it was picked up.
     *
     * @return the ticket
     */
    public abstract Optional<TicketId> ticket();

    /**
     * When the answer was accepted.
     *
     * @return the time
     */
    public abstract Instant acceptedAt();

    /**
     * Builds a candidate; a missing part throws
     * {@link dev.helpdesk.spi.ConfigurationException} naming it. Not thread-safe.
     */
    public static final class Builder extends ImmutableKnowledgeCandidate.Builder {
        Builder() {
        }
    }
}
