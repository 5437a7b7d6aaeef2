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

    /**
     * The session's id.
     *
     * @return the session's id
     */
    public abstract RemoteSessionId id();

    /**
     * The consent it runs on.
     *
     * @return the consent it runs on
     */
    public abstract ConsentId consent();

    /**
     * The agent on the customer's device.
     *
     * @return the agent on the customer's device
     */
    public abstract AgentId agent();

    /**
     * The host's remote tool.
     *
     * @return the host's remote tool
     */
    public abstract String tool();

    /**
     * When it started.
     *
     * @return when it started
     */
    public abstract Instant startedAt();

    /**
     * What was done, oldest first.
     *
     * @return what was done, oldest first
     */
    public abstract List<String> actions();

    /**
     * When it ended, if it did.
     *
     * @return when it ended, if it did
     */
    public abstract Optional<Instant> endedAt();

    /**
     * Why it ended, if it did.
     *
     * @return why it ended, if it did
     */
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
