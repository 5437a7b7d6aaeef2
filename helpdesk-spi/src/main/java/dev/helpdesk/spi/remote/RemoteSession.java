package dev.helpdesk.spi.remote;

import dev.helpdesk.spi.party.AgentId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One remote session on a ticket, as its ticket events tell: who, with which tool, on which
 * consent, what was done, and how it ended.
 */
@Value.Immutable
public abstract class RemoteSession {
    RemoteSession() {
    }

    /** @return the session's id */
    public abstract RemoteSessionId id();

    /** @return the consent it runs on */
    public abstract ConsentId consent();

    /** @return the agent on the customer's device */
    public abstract AgentId agent();

    /** @return the host's remote tool */
    public abstract String tool();

    /** @return when it started */
    public abstract Instant startedAt();

    /** @return what was done, oldest first */
    public abstract List<String> actions();

    /** @return when it ended, if it did */
    public abstract Optional<Instant> endedAt();

    /** @return why it ended, if it did */
    public abstract Optional<SessionEnd> end();

    /**
     * Tells whether the session still runs.
     *
     * @return true until it ended
     */
    public boolean isRunning() {
        return end().isEmpty();
    }

    /**
     * A builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RemoteSession}. */
    public static final class Builder extends ImmutableRemoteSession.Builder {
        Builder() {
        }
    }
}
