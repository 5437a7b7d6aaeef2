package dev.helpdesk.spi.visit;

import dev.helpdesk.spi.party.AgentId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One on-site visit on a ticket, as its ticket events tell.
 */
@Value.Immutable
public abstract class Visit {
    Visit() {
    }

    /**
     * The visit's id.
     *
     * @return the visit's id
     */
    public abstract VisitId id();

    /**
     * The technician.
     *
     * @return the technician
     */
    public abstract AgentId technician();

    /**
     * Where.
     *
     * @return where
     */
    public abstract Address address();

    /**
     * The slot booked now (the latest after rescheduling).
     *
     * @return the slot booked now (the latest after rescheduling)
     */
    public abstract VisitSlot slot();

    /**
     * The visit's SLA target: when it should have taken place at the latest.
     *
     * @return the visit's SLA target: when it should have taken place at the latest
     */
    public abstract Instant dueBy();

    /**
     * When it was planned.
     *
     * @return when it was planned
     */
    public abstract Instant plannedAt();

    /**
     * Where it stands.
     *
     * @return where it stands
     */
    public abstract VisitStatus status();

    /**
     * The reasons of each reschedule and of a cancellation, oldest first.
     *
     * @return the reasons of each reschedule and of a cancellation, oldest first
     */
    public abstract List<String> reasons();

    /**
     * How often it was rescheduled.
     *
     * @return how often it was rescheduled
     */
    @Value.Default
    public int reschedules() {
        return 0;
    }

    /**
     * The visit report, once done.
     *
     * @return the visit report, once done
     */
    public abstract Optional<String> report();

    /**
     * When it was done, once done.
     *
     * @return when it was done, once done
     */
    public abstract Optional<Instant> doneAt();

    /**
     * Tells whether the visit met its SLA target: its slot starts by {@code dueBy}.
     *
     * @return true when the (latest) slot starts no later than the target
     */
    public boolean withinTarget() {
        return !slot().start().isAfter(dueBy());
    }

    /**
     * A builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Visit}. */
    public static final class Builder extends ImmutableVisit.Builder {
        Builder() {
        }
    }
}
