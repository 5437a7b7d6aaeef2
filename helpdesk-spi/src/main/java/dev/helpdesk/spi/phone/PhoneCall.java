package dev.helpdesk.spi.phone;

import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.channel.ContactKind;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.ticket.TicketId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One call on the hotline, as logged: who called (the number, and the customer the
 * {@link dev.helpdesk.spi.channel.CustomerDirectory} resolved it to), who answered, when and
 * for how long, how it ended and the ticket that registers it.
 */
@Value.Immutable
public abstract class PhoneCall {
    /** The longest call the log accepts. */
    public static final Duration MAX_DURATION = Duration.ofHours(24);

    PhoneCall() {
    }

    /**
     * Starts a call.
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
    public abstract CallId id();

    /**
     * The caller's number, in canonical form.
     *
     * @return a phone address
     */
    public abstract ContactAddress caller();

    /**
     * The customer the number belongs to.
     *
     * @return the customer
     */
    public abstract CustomerId customer();

    /**
     * The agent who took the call; empty for a call outside the hotline's hours.
     *
     * @return the agent
     */
    public abstract Optional<AgentId> agent();

    /**
     * When the call started.
     *
     * @return the start
     */
    public abstract Instant startedAt();

    /**
     * How long it lasted; zero for a call nobody answered.
     *
     * @return the duration, 0 to {@link #MAX_DURATION}
     */
    public abstract Duration duration();

    /**
     * How it ended.
     *
     * @return the outcome
     */
    public abstract CallOutcome outcome();

    /**
     * The ticket that registers it.
     *
     * @return the ticket
     */
    public abstract TicketId ticket();

    @Value.Check
    void check() {
        if (caller().kind() != ContactKind.PHONE) {
            throw new IllegalArgumentException("a caller is a phone number");
        }
        if (duration().isNegative() || duration().compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("a call lasts 0 to 24 hours");
        }
    }

    /**
     * Builds a call; a missing part throws {@link dev.helpdesk.spi.ConfigurationException}
     * naming it. Not thread-safe.
     */
    public static final class Builder extends ImmutablePhoneCall.Builder {
        Builder() {
        }
    }
}
