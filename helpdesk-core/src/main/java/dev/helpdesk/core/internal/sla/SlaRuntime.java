package dev.helpdesk.core.internal.sla;

import dev.helpdesk.core.sla.Calendars;
import dev.helpdesk.core.sla.SlaClocks;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.sla.ClockState;
import dev.helpdesk.spi.sla.CustomerSegment;
import dev.helpdesk.spi.sla.CustomerSegments;
import dev.helpdesk.spi.sla.SlaConfiguration;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An SLA configuration in force: the policies, the prepared arithmetic of their calendars and
 * the host's segment lookup. Immutable and thread-safe; a desk swaps the whole runtime when the
 * host replaces the configuration, so a computation never mixes two configurations.
 */
public final class SlaRuntime {
    private final SlaConfiguration configuration;
    private final Calendars calendars;
    private final CustomerSegments segments;

    private SlaRuntime(SlaConfiguration configuration, Calendars calendars, CustomerSegments segments) {
        this.configuration = configuration;
        this.calendars = calendars;
        this.segments = segments;
    }

    /**
     * Prepares a configuration.
     *
     * @param configuration the calendars and policies
     * @param segments      where customers' segments come from
     * @return the runtime
     */
    public static SlaRuntime of(SlaConfiguration configuration, CustomerSegments segments) {
        Objects.requireNonNull(configuration, "configuration");
        return new SlaRuntime(configuration, Calendars.of(configuration.calendars()),
                Objects.requireNonNull(segments, "segments"));
    }

    /**
     * Prepares another configuration with the same segment lookup, keeping the computed weeks
     * of every calendar that did not change.
     *
     * @param next the new configuration
     * @return the new runtime
     */
    public SlaRuntime with(SlaConfiguration next) {
        Objects.requireNonNull(next, "configuration");
        return new SlaRuntime(next, calendars.with(next.calendars()), segments);
    }

    /**
     * The configuration in force.
     *
     * @return the calendars and policies
     */
    public SlaConfiguration configuration() {
        return configuration;
    }

    /**
     * The prepared arithmetic of the configuration's calendars.
     *
     * @return the calendars
     */
    public Calendars calendars() {
        return calendars;
    }

    /**
     * The policy that applies to a ticket as it is now: the first whose conditions hold. The
     * requester's segment is looked up only when a policy tried asks for it.
     *
     * @param ticket the ticket
     * @return the policy, or empty when none applies
     */
    public Optional<SlaPolicy> policyFor(Ticket ticket) {
        Objects.requireNonNull(ticket, "ticket");
        List<SlaPolicy> policies = configuration.policies();
        if (policies.isEmpty()) {
            return Optional.empty(); // a desk without SLAs: asked on every commit
        }
        Optional<CustomerSegment> segment = Optional.empty();
        boolean looked = false;
        for (SlaPolicy p : policies) {
            if (p.needsSegment() && !looked) {
                segment = Objects.requireNonNullElse(segments.segmentOf(ticket.tenant(), ticket.requester()),
                        Optional.empty());
                looked = true;
            }
            if (p.matches(ticket, segment)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The ticket's clocks under the policy that applies to it now.
     *
     * @param ticket  the ticket's current state, which chooses the policy
     * @param history its events, oldest first
     * @param now     the moment of evaluation
     * @return every cycle of every clock, see {@link SlaClocks#evaluate}; empty when no policy
     *         applies
     */
    public List<ClockState> clocks(Ticket ticket, List<? extends TicketEvent> history, Instant now) {
        return policyFor(ticket).map(p -> SlaClocks.evaluate(history, p, calendars, now)).orElse(List.of());
    }

    /**
     * When the ticket next needs a warning or breach emitted.
     *
     * @param ticket  the ticket's current state
     * @param history its events, oldest first
     * @return the deadline, see {@link SlaClocks#nextDeadline}; empty when none is pending
     */
    public Optional<Instant> nextDeadline(Ticket ticket, List<? extends TicketEvent> history) {
        return policyFor(ticket).flatMap(p -> SlaClocks.nextDeadline(history, p, calendars));
    }

    /**
     * The warnings and breaches due for the ticket at a moment and not emitted yet.
     *
     * @param ticket  the ticket's current state
     * @param history its events, oldest first
     * @param now     the time of the due run
     * @param actor   the SLA rule that emits them
     * @return the events, see {@link SlaClocks#due}
     */
    public List<TicketEvent> due(Ticket ticket, List<? extends TicketEvent> history, Instant now, Actor actor) {
        return policyFor(ticket).map(p -> SlaClocks.due(ticket, history, p, calendars, now, actor)).orElse(List.of());
    }

    // reports: the SLA replay looks up segments the same way
    /**
     * Where customers' segments come from.
     *
     * @return the host's lookup
     */
    public CustomerSegments segments() {
        return segments;
    }
}
