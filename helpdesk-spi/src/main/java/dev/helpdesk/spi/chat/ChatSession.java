package dev.helpdesk.spi.chat;

import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.ticket.TicketId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A live chat: who, since when, with whom, what was said, and the ticket it became. Each change
 * makes a new value with the next {@link #version()}; a store keeps one only when it follows
 * the stored one.
 */
@Value.Immutable
public abstract class ChatSession {

    ChatSession() {
    }

    /**
     * Starts a session.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Its id.
     *
     * @return the id
     */
    public abstract ChatId id();

    /**
     * The customer chatting.
     *
     * @return the customer
     */
    public abstract CustomerId customer();

    /**
     * The group whose agents take the chat, and whose wait limit applies.
     *
     * @return the group
     */
    public abstract GroupId group();

    /**
     * When the customer started waiting.
     *
     * @return the start
     */
    public abstract Instant waitingSince();

    /**
     * The agent who took it; empty while waiting.
     *
     * @return the agent
     */
    public abstract Optional<AgentId> agent();

    /**
     * When an agent first wrote: the chat's first response.
     *
     * @return the time, or empty
     */
    public abstract Optional<Instant> firstResponseAt();

    /**
     * Where it stands.
     *
     * @return the status
     */
    public abstract ChatStatus status();

    /**
     * What was said, oldest first.
     *
     * @return the lines
     */
    public abstract List<ChatLine> transcript();

    /**
     * The ticket it became, once {@link ChatStatus#TICKETED} or {@link ChatStatus#SOLVED}.
     *
     * @return the ticket
     */
    public abstract Optional<TicketId> ticket();

    /**
     * How many changes it has had; 1 when started.
     *
     * @return the version
     */
    public abstract long version();

    @Value.Check
    void check() {
        if (version() < 1) {
            throw new IllegalArgumentException("a chat's version starts at 1");
        }
        if (status() == ChatStatus.ACTIVE && agent().isEmpty()) {
            throw new IllegalArgumentException("an active chat has an agent");
        }
        if (status().isFinal() && ticket().isEmpty()) {
            throw new IllegalArgumentException("a chat that ended is registered as a ticket");
        }
    }

    /**
     * Builds a session; a missing part throws {@link dev.helpdesk.spi.ConfigurationException}
     * naming it. Not thread-safe.
     */
    public static final class Builder extends ImmutableChatSession.Builder {
        Builder() {
        }
    }
}
