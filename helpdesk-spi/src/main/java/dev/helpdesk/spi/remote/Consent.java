package dev.helpdesk.spi.remote;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One consent request on a ticket and what became of it, as its ticket events tell.
 */
@Value.Immutable
public abstract class Consent {
    Consent() {
    }

    /**
     * The request's id.
     *
     * @return the request's id
     */
    public abstract ConsentId id();

    /**
     * Why the agent asked, in their words.
     *
     * @return why the agent asked, in their words
     */
    public abstract String purpose();

    /**
     * View only, or control.
     *
     * @return view only, or control
     */
    public abstract ConsentScope scope();

    /**
     * How long a grant lasts, from the grant.
     *
     * @return how long a grant lasts, from the grant
     */
    public abstract Duration duration();

    /**
     * When the agent asked.
     *
     * @return when the agent asked
     */
    public abstract Instant requestedAt();

    /**
     * Until when the request may be answered.
     *
     * @return until when the request may be answered
     */
    public abstract Instant linkExpiresAt();

    /**
     * Where it stands.
     *
     * @return where it stands
     */
    public abstract ConsentStatus status();

    /**
     * When the customer answered, if they did.
     *
     * @return when the customer answered, if they did
     */
    public abstract Optional<Instant> answeredAt();

    /**
     * How the customer answered, if they did.
     *
     * @return how the customer answered, if they did
     */
    public abstract Optional<ConsentRoute> route();

    /**
     * When the customer revoked it, if they did.
     *
     * @return when the customer revoked it, if they did
     */
    public abstract Optional<Instant> revokedAt();

    /**
     * When a granted consent runs out: the grant plus the duration.
     *
     * @return the end, or empty when not granted
     */
    public Optional<Instant> grantedUntil() {
        return status() == ConsentStatus.GRANTED || status() == ConsentStatus.REVOKED
                ? answeredAt().map(a -> a.plus(duration())) : Optional.empty();
    }

    /**
     * Tells whether a session may run on the consent at a moment: granted, not revoked, and
     * within the consented duration.
     *
     * @param at the moment
     * @return true when active
     */
    public boolean isActiveAt(Instant at) {
        return status() == ConsentStatus.GRANTED && answeredAt().isPresent() && !at.isBefore(answeredAt().get())
                && at.isBefore(grantedUntil().orElseThrow());
    }

    /**
     * A builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Consent}. */
    public static final class Builder extends ImmutableConsent.Builder {
        Builder() {
        }
    }
}
