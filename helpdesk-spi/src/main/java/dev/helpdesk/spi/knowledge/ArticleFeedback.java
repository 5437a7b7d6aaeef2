package dev.helpdesk.spi.knowledge;

import dev.helpdesk.spi.internal.Configured;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.TicketId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/**
 * One reader's or agent's word about an article: it solved a reader's problem (a deflection:
 * no ticket was needed, or the draft ticket was closed as self-served), it was helpful or not
 * (with an optional comment), an agent linked it in a reply to a ticket, or a ticket was solved
 * with it. The desk records these; reports count them per article ({@link ArticleStats}).
 */
@Value.Immutable
public abstract class ArticleFeedback {
    /** The longest comment, in bytes of UTF-8. */
    public static final int MAX_COMMENT_BYTES = 4000;

    /** What kind of word it is. */
    public enum Kind {
        /** "This solved my problem": a ticket that was not needed. */
        DEFLECTION,
        /** "Was this helpful?" — yes. */
        HELPFUL,
        /** "Was this helpful?" — no. */
        NOT_HELPFUL,
        /** An agent linked the article in a reply to a ticket. */
        LINKED,
        /** A ticket was solved with the article. */
        SOLVED_TICKET
    }

    ArticleFeedback() {
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
     * Its id: recording the same id twice records it once.
     *
     * @return the id
     */
    public abstract UUID id();

    /**
     * The tenant.
     *
     * @return the tenant
     */
    public abstract TenantId tenant();

    /**
     * The article it is about.
     *
     * @return the article
     */
    public abstract ArticleId article();

    /**
     * What kind of word it is.
     *
     * @return the kind
     */
    public abstract Kind kind();

    /**
     * Who said it: a customer, a visitor (an integration named by the host's portal), an agent.
     *
     * @return the actor
     */
    public abstract Actor actor();

    /**
     * When, by the desk's clock.
     *
     * @return the time
     */
    public abstract Instant at();

    /**
     * The reader's comment on a vote, plain text.
     *
     * @return the comment, if any
     */
    public abstract Optional<String> comment();

    /**
     * The ticket it concerns: the draft ticket closed as self-served, the ticket an agent
     * linked it in, the ticket solved with it.
     *
     * @return the ticket, if any
     */
    public abstract Optional<TicketId> ticket();

    @Value.Check
    void check() {
        List<FieldError> errors = new ArrayList<>();
        comment().map(c -> c.isBlank() ? "must not be blank" : Texts.textProblem(c, MAX_COMMENT_BYTES))
                .ifPresent(p -> errors.add(new FieldError("comment", p)));
        if (ticket().isEmpty() && (kind() == Kind.LINKED || kind() == Kind.SOLVED_TICKET)) {
            errors.add(new FieldError("ticket", "is required for " + kind()));
        }
        Configured.check("an article's feedback", errors);
    }

    /** Builds an {@link ArticleFeedback}. */
    public static final class Builder extends ImmutableArticleFeedback.Builder {
        Builder() {
        }
    }
}
