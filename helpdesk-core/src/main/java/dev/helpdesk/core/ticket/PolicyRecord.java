package dev.helpdesk.core.ticket;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which SLA policy a ticket's history says the desk holds it to, and the event that records a
 * change of it ({@link TicketEvent.SlaPolicyApplied}). The desk records the policy in each commit
 * that changes it, so the history names the policy in force at every moment and reports can
 * group by it in SQL. A history without any such event (a ticket from before the desk recorded
 * policies, or a desk without policies) has no policy on record.
 */
public final class PolicyRecord {
    private PolicyRecord() {
    }

    /**
     * The policy on record after a history: that of its latest {@code SlaPolicyApplied}.
     *
     * @param history the events, oldest first
     * @return the policy's name; empty when none is on record or the latest record says none applies
     */
    public static Optional<String> of(List<? extends TicketEvent> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i) instanceof TicketEvent.SlaPolicyApplied applied) {
                return applied.policy();
            }
        }
        return Optional.empty();
    }

    /**
     * The policy on record at an instant: that of the latest {@code SlaPolicyApplied} (the highest
     * version) that happened before it.
     *
     * @param history the events, oldest first
     * @param before  the instant; events at or after it do not count
     * @return the policy's name, or empty
     */
    public static Optional<String> before(List<? extends TicketEvent> history, Instant before) {
        Optional<String> policy = Optional.empty();
        for (TicketEvent e : history) {
            if (e instanceof TicketEvent.SlaPolicyApplied applied && e.at().isBefore(before)) {
                policy = applied.policy();
            }
        }
        return policy;
    }

    /**
     * The event that brings the record up to date, when the policy that applies now differs from
     * the one on record.
     *
     * @param ticket   the ticket as the commit leaves it
     * @param batch    the commit's events, oldest first
     * @param history  the history before the commit, read only when the batch records no policy
     * @param applies  the policy that applies to the ticket now, or empty
     * @param at       when (the commit's time)
     * @param actor    the SLA rule of the desk
     * @return the event to append to the commit, or empty when the record is right
     */
    public static Optional<TicketEvent> update(Ticket ticket, List<TicketEvent> batch,
                                               java.util.function.Supplier<? extends List<? extends TicketEvent>> history,
                                               Optional<String> applies, Instant at, Actor actor) {
        Objects.requireNonNull(applies, "applies");
        Optional<String> recorded = Optional.empty();
        boolean found = false;
        for (int i = batch.size() - 1; i >= 0 && !found; i--) {
            if (batch.get(i) instanceof TicketEvent.SlaPolicyApplied applied) {
                recorded = applied.policy();
                found = true;
            }
        }
        if (!found) {
            recorded = of(history.get());
        }
        return recorded.equals(applies) ? Optional.empty()
                : Optional.of(new TicketEvent.SlaPolicyApplied(ticket.id(), at, actor, applies));
    }
}
