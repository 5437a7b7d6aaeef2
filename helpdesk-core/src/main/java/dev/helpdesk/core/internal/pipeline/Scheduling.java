package dev.helpdesk.core.internal.pipeline;

import dev.helpdesk.core.internal.pipeline.LiveConfiguration.Snapshot;
import dev.helpdesk.core.internal.sla.SlaRuntime;
import dev.helpdesk.core.sla.SlaClocks;
import dev.helpdesk.core.ticket.CompletionRecord;
import dev.helpdesk.core.ticket.PolicyRecord;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketEvent;
import java.util.function.Supplier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The schedule step: when the desk next has timed work on a ticket, stored with the commit so
 * that finding due tickets never scans. That is the earliest of its automatic close, its next
 * SLA deadline under the policy that applies to it now, and the next occasion of a timed rule.
 * The SLA deadline and the timed rules need the ticket's whole history: the batch's shared
 * history read, so a commit reads it at most once whatever the steps need.
 */
final class Scheduling {
    private final Duration autoCloseAfter;

    Scheduling(Duration autoCloseAfter) {
        this(autoCloseAfter, false);
    }

    Duration autoCloseAfter() {
        return autoCloseAfter;
    }

    /** The SLA rule of the desk, which records the policy in force. */
    private static final Actor SLA_RULE = Actor.system("sla");

    /**
     * The batch as a change for the store: its events (with the SLA records brought up to date),
     * the state, the next due time, the seat. The policy that applies is chosen once per commit
     * (it may ask the host for the customer's segment) and serves the records and the deadline.
     */
    TicketChange change(Batch batch, Snapshot config) {
        SlaRuntime sla = config.sla();
        Optional<SlaPolicy> policy = sla.policyFor(batch.state());
        record(batch, sla, policy);
        Ticket after = batch.state();
        Optional<Instant> due = nextDue(config, after, batch, policy);
        List<TicketEvent> events = batch.unchanged() ? batch.events() : List.copyOf(batch.events());
        return new TicketChange(batch.base(), events, after, due, batch.seat());
    }

    /**
     * Appends a {@code SlaPolicyApplied} when the policy that applies to the ticket as the batch
     * leaves it is not the one its history records ({@link PolicyRecord}), and a
     * {@code SlaCompleted} for each clock cycle the batch completed under that policy
     * ({@link CompletionRecord}). A desk without policies records nothing (and reads nothing); the
     * completed cycles are looked for only when the batch holds an event that can stop a clock.
     */
    private static void record(Batch batch, SlaRuntime sla, Optional<SlaPolicy> policy) {
        if (sla.configuration().policies().isEmpty()) {
            return;
        }
        Ticket after = batch.state();
        PolicyRecord.update(after, batch.events(), batch.prior, policy.map(SlaPolicy::name), batch.at, SLA_RULE)
                .ifPresent(batch::add);
        if (policy.isPresent() && SlaClocks.mayComplete(batch.events())) {
            List<TicketEvent> all = batch.all();
            CompletionRecord.of(after.id(), SlaClocks.completedSince(all, policy.get(), sla.calendars(), batch.at), all, SLA_RULE)
                    .forEach(batch::add);
        }
    }

    /**
     * When the desk next has timed work on a ticket.
     *
     * @param config the configuration in force
     * @param after  the ticket's state
     * @param all    its whole history up to that state, read only when needed
     * @return the time, or empty when nothing is scheduled
     */
    Optional<Instant> nextDue(Snapshot config, Ticket after, Supplier<List<TicketEvent>> all) {
        return nextDue(config, after, all, after.status().isFinal() ? Optional.empty() : config.sla().policyFor(after));
    }

    private Optional<Instant> nextDue(Snapshot config, Ticket after, Supplier<List<TicketEvent>> all,
                                      Optional<SlaPolicy> policy) {
        Optional<Instant> due = earliest(slaNextDue(config.sla(), after, all, policy), sessionEnd(after, all));
        Optional<Instant> timed = config.rules().timedRules().isEmpty() ? Optional.empty()
                : config.rules().nextDue(after, all);
        if (timed.isEmpty()) {
            return due;
        }
        return due.isPresent() && due.get().isBefore(timed.get()) ? due : timed;
    }

    private Optional<Instant> slaNextDue(SlaRuntime sla, Ticket after, Supplier<List<TicketEvent>> all,
                                         Optional<SlaPolicy> policy) {
        Optional<Instant> close = after.status() == Status.SOLVED && after.solvedAt().isPresent()
                ? Optional.of(after.solvedAt().get().plus(autoCloseAfter)) : Optional.empty();
        if (after.status().isFinal() || policy.isEmpty()) {
            return close;
        }
        Optional<Instant> deadline = SlaClocks.nextDeadline(all.get(), policy.get(), sla.calendars());
        if (close.isEmpty()) {
            return deadline;
        }
        return deadline.isPresent() && deadline.get().isBefore(close.get()) ? deadline : close;
    }

    // ---- remote sessions -----------------------------------------------------

    /** Whether the due time includes the end of each running remote session's consent. */
    private final boolean remoteSessions;

    /** Makes the step for a desk that runs remote sessions, or not. */
    Scheduling(Duration autoCloseAfter, boolean remoteSessions) {
        this.autoCloseAfter = autoCloseAfter;
        this.remoteSessions = remoteSessions;
    }

    /** Tells whether the desk runs remote sessions, whose ends the due run records. */
    boolean remoteSessions() {
        return remoteSessions;
    }

    /** When the earliest running remote session's consent runs out; never read on a desk without remote sessions. */
    private Optional<Instant> sessionEnd(Ticket after, Supplier<List<TicketEvent>> all) {
        return remoteSessions
                ? dev.helpdesk.core.ticket.FieldRecord.of(all.get()).nextSessionEnd() : Optional.empty();
    }

    private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().isBefore(a.get()) ? b : a;
    }
}
