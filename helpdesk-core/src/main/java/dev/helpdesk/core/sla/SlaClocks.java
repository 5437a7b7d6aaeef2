package dev.helpdesk.core.sla;

import dev.helpdesk.core.calendar.BusinessTime;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.core.ticket.TicketDecider;
import dev.helpdesk.spi.calendar.PauseSpan;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.sla.ClockState;
import dev.helpdesk.spi.sla.ClockStatus;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.sla.SlaTarget;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.MessageId;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * SLA clocks as a pure function of a ticket's events, a policy, the calendars and a moment.
 * Nothing is stored: the same inputs always give the same clocks, so replaying a history gives
 * the clocks the desk showed, and a changed policy or calendar is applied to the whole history
 * at once.
 *
 * <p>What starts and stops each clock is described on {@link ClockKind}. On top of that:
 * <ul>
 *   <li>A business-time clock counts only the opening hours of its target's calendar, so one
 *       started at night counts from the next opening. A calendar-time clock counts real
 *       time.</li>
 *   <li>While the ticket is in one of the policy's pause statuses every running clock stops
 *       counting; the pause is measured in the same calendar as the target, so a weekend
 *       spent waiting on the customer costs no business time and gains none.</li>
 *   <li>Solving the ticket stops every clock; merging it away cancels them.</li>
 *   <li>A clock breaches only after its due time: it is breached once the moment of evaluation
 *       is past the due time while it runs, or when it stopped after it (a reply at the due
 *       instant itself is on time, and a due run at that instant records no breach; a reply in
 *       the evening to a target due at closing time is late).</li>
 *   <li>The policy is the one that applies to the ticket now; its targets are applied to the
 *       whole history, so after a priority change a clock counts from its own start under the
 *       new target, and the time it spent paused is kept.</li>
 * </ul>
 *
 * <p>Cost: one pass over the events, then for every cycle a few business-time operations,
 * each independent of the span's length (see {@link BusinessTime}).
 */
public final class SlaClocks {
    private static final Comparator<Deadline> ORDER = Comparator.comparing(Deadline::firesAt)
            .thenComparing(d -> d.kind().ordinal())
            .thenComparingInt(Deadline::cycle)
            .thenComparingInt(Deadline::threshold);

    /** Decides the SLA records; they name no category, field or message. */
    private static final TicketDecider DECIDER = new TicketDecider(Set.of());
    private static final Supplier<MessageId> NO_MESSAGES = () -> {
        throw new IllegalStateException("SLA records carry no message");
    };

    private SlaClocks() {
    }

    /**
     * Something the desk's timed work must do for a ticket: emit a warning or a breach.
     *
     * @param kind      the clock
     * @param cycle     its cycle
     * @param threshold the warning's percentage, or 0 for the breach
     * @param firesAt   when it is due to be emitted: a warning at its threshold, a breach at the
     *                  first instant after the clock's due time (a clock is on time at its due
     *                  instant itself)
     * @param dueAt     the clock's due time, which a breach names
     */
    record Deadline(ClockKind kind, int cycle, int threshold, Instant firesAt, Instant dueAt) {
        static Deadline breach(ClockKind kind, int cycle, Instant dueAt) {
            return new Deadline(kind, cycle, ClockHistory.BREACH, breachedAfter(dueAt), dueAt);
        }

        static Deadline warning(ClockKind kind, int cycle, int threshold, Instant at) {
            return new Deadline(kind, cycle, threshold, at, at);
        }

        boolean isBreach() {
            return threshold == ClockHistory.BREACH;
        }
    }

    /**
     * The first instant at which a clock due at {@code dueAt} is breached: one nanosecond after
     * it, the finest instant a store keeps (every store keeps the due time's nanoseconds).
     *
     * @param dueAt the due time
     * @return the instant just after it
     */
    static Instant breachedAfter(Instant dueAt) {
        return dueAt.plusNanos(1);
    }

    /**
     * Every cycle of every clock the policy has a target for, as it stands at a moment, ordered
     * by clock then cycle. Earlier cycles are kept, for statistics.
     *
     * @param history   the ticket's events, oldest first, starting with its opening
     * @param policy    the policy that applies to the ticket
     * @param calendars the arithmetic of the calendars the policy's targets name
     * @param now       the moment of evaluation; a moment before the last event counts as the
     *                  last event's time
     * @return the clocks
     * @throws IllegalArgumentException when the history does not start with an opening, or a
     *                                  target names a calendar that is not given
     */
    public static List<ClockState> evaluate(List<? extends TicketEvent> history, SlaPolicy policy,
                                            Calendars calendars, Instant now) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(calendars, "calendars");
        Objects.requireNonNull(now, "now");
        return evaluate(ClockHistory.of(history, policy.pauseStatuses()), policy, calendars, now);
    }

    /**
     * Tells whether some of these events can stop a clock cycle (a public reply by an agent, a
     * solve, a close or a merge); when none can, {@link #completedSince} over a history ending
     * with them finds nothing that completed with them.
     *
     * @param events events, such as one commit's
     * @return true when one of them can complete a cycle
     */
    public static boolean mayComplete(List<? extends TicketEvent> events) {
        for (TicketEvent e : events) {
            if (ClockHistory.stops(e)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The cycles that completed at or after an instant: stopped by the reply or solve that ends
     * them (achieved, or breached when late), or cancelled after their due time (breached); a
     * cycle cancelled in time is left out. The desk records these as they complete, so that SLA
     * compliance is a count of recorded outcomes. Only the completed cycles' times are computed.
     *
     * @param history   the ticket's events, oldest first, starting with its opening
     * @param policy    the policy that applies to the ticket
     * @param calendars the arithmetic of the policy's calendars
     * @param since     the earliest stop that counts
     * @return the completed cycles, ordered by clock then cycle
     */
    public static List<ClockState> completedSince(List<? extends TicketEvent> history, SlaPolicy policy,
                                                  Calendars calendars, Instant since) {
        Objects.requireNonNull(since, "since");
        ClockHistory h = ClockHistory.of(history, policy.pauseStatuses());
        List<ClockState> out = new ArrayList<>(1);
        for (ClockHistory.Cycle c : h.cycles) {
            if (c.running() || c.stop().isBefore(since)) {
                continue;
            }
            Optional<SlaTarget> target = policy.target(c.kind());
            if (target.isPresent()) {
                ClockState state = state(h, c, policy.name(), target.get(), calendars.of(target.get()), h.lastAt);
                if (state.status() != ClockStatus.CANCELLED) {
                    out.add(state);
                }
            }
        }
        out.sort(Comparator.comparing((ClockState s) -> s.kind().ordinal()).thenComparingInt(ClockState::cycle));
        return out;
    }

    private static List<ClockState> evaluate(ClockHistory h, SlaPolicy policy, Calendars calendars, Instant now) {
        Instant at = now.isBefore(h.lastAt) ? h.lastAt : now;
        List<ClockState> states = new ArrayList<>(h.cycles.size());
        for (ClockHistory.Cycle c : h.cycles) {
            Optional<SlaTarget> target = policy.target(c.kind());
            if (target.isPresent()) {
                states.add(state(h, c, policy.name(), target.get(), calendars.of(target.get()), at));
            }
        }
        states.sort(Comparator.comparing((ClockState s) -> s.kind().ordinal()).thenComparingInt(ClockState::cycle));
        return states;
    }

    private static ClockState state(ClockHistory h, ClockHistory.Cycle c, String policy, SlaTarget target,
                                    BusinessTime time, Instant at) {
        Instant end = c.running() ? at : c.stop();
        List<PauseSpan> pauses = pausesUntil(h, end);
        Instant due = add(time, c.start(), target.amount(), pauses);
        Duration total = time.businessTimeBetween(c.start(), end);
        Duration elapsed = time.businessTimeBetween(c.start(), end, pauses);
        ClockStatus status;
        if (!c.running()) {
            status = c.stop().isAfter(due) ? ClockStatus.BREACHED
                    : c.cancelled() ? ClockStatus.CANCELLED : ClockStatus.ACHIEVED;
        } else if (at.isAfter(due) && (h.pausedSince == null || due.isBefore(h.pausedSince))) {
            // only after the due instant: at it, a reply is still on time, and a clock paused at
            // that instant has not run past it (as nextDue has no breach for it)
            status = ClockStatus.BREACHED;
        } else {
            status = h.pausedSince != null ? ClockStatus.PAUSED : ClockStatus.RUNNING;
        }
        return new ClockState(c.kind(), c.number(), policy, status, target, c.start(), due,
                Optional.ofNullable(c.stop()), elapsed, target.amount().minus(elapsed), total.minus(elapsed));
    }

    /**
     * When the desk next has to emit a warning or a breach for the ticket: the earliest
     * threshold, or first instant after a due time (one nanosecond after it), not yet emitted,
     * of a clock that runs and is not paused; or that instant of a clock that stopped late
     * without its breach emitted. It does not depend on
     * the moment of evaluation, so it never moves while no event happens. Closed and merged
     * tickets have none.
     *
     * @param history   the ticket's events, oldest first
     * @param policy    the policy that applies to the ticket
     * @param calendars the arithmetic of the policy's calendars
     * @return the next deadline, or empty when nothing is pending
     */
    public static Optional<Instant> nextDeadline(List<? extends TicketEvent> history, SlaPolicy policy,
                                                 Calendars calendars) {
        return deadlines(ClockHistory.of(history, policy.pauseStatuses()), policy, calendars).stream()
                .map(Deadline::firesAt).min(Comparator.naturalOrder());
    }

    /**
     * The warnings and breaches due at a moment and not yet in the history, as events to
     * append: at most one per clock, cycle and threshold, because whatever the history holds
     * already is never emitted again. A breach supersedes the warnings of its cycle that are
     * due at the same run. Closed and merged tickets get none.
     *
     * <p>The events are decided by the ticket decider ({@link TicketCommand.WarnSla},
     * {@link TicketCommand.BreachSla}), like every other change of a ticket; a warning or breach
     * it refuses (the actor is not one of the desk's rules) is left out.
     *
     * @param ticket    the ticket's state after the history
     * @param history   the ticket's events, oldest first
     * @param policy    the policy that applies to the ticket
     * @param calendars the arithmetic of the policy's calendars
     * @param now       the time of the due run; the events carry it (or the last event's time,
     *                  when that is later)
     * @param actor     the actor the events name, the desk's SLA rule
     * @return the events, in the order their deadlines passed; empty when nothing is due
     */
    public static List<TicketEvent> due(Ticket ticket, List<? extends TicketEvent> history, SlaPolicy policy,
                                        Calendars calendars, Instant now, Actor actor) {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(actor, "actor");
        ClockHistory h = ClockHistory.of(history, policy.pauseStatuses());
        List<Deadline> due = new ArrayList<>();
        for (Deadline d : deadlines(h, policy, calendars)) {
            if (!d.firesAt().isAfter(now)) {
                due.add(d);
            }
        }
        if (due.isEmpty()) {
            return List.of();
        }
        due.sort(ORDER);
        Set<String> breached = new HashSet<>();
        for (Deadline d : due) {
            if (d.isBreach()) {
                breached.add(d.kind() + "/" + d.cycle());
            }
        }
        Instant at = now.isBefore(h.lastAt) ? h.lastAt : now;
        List<ClockState> states = evaluate(h, policy, calendars, at);
        List<TicketEvent> events = new ArrayList<>(due.size());
        for (Deadline d : due) {
            TicketCommand command = null;
            if (d.isBreach()) {
                command = new TicketCommand.BreachSla(d.kind(), d.cycle(), d.dueAt());
            } else if (!breached.contains(d.kind() + "/" + d.cycle())) {
                Instant deadline = states.stream()
                        .filter(s -> s.kind() == d.kind() && s.cycle() == d.cycle())
                        .map(ClockState::dueAt).findFirst().orElse(d.firesAt());
                command = new TicketCommand.WarnSla(d.kind(), d.cycle(), d.threshold(), deadline);
            }
            if (command != null) {
                DECIDER.decide(command, ticket, actor, at, NO_MESSAGES).forEach(events::addAll);
            }
        }
        return events;
    }

    static List<Deadline> deadlines(ClockHistory h, SlaPolicy policy, Calendars calendars) {
        if (h.finalStatus) {
            return List.of();
        }
        List<Deadline> out = new ArrayList<>();
        for (ClockHistory.Cycle c : h.cycles) {
            Optional<SlaTarget> found = policy.target(c.kind());
            if (found.isEmpty() || h.wasEmitted(c.kind(), c.number(), ClockHistory.BREACH)) {
                continue;
            }
            SlaTarget target = found.get();
            BusinessTime time = calendars.of(target);
            if (!c.running()) {
                Instant due = add(time, c.start(), target.amount(), pausesUntil(h, c.stop()));
                if (c.stop().isAfter(due)) {
                    out.add(Deadline.breach(c.kind(), c.number(), due));
                }
                continue;
            }
            // a paused clock fires only what it passed before the pause began; everything later
            // depends on when the pause ends, and the event that ends it reschedules the ticket
            Instant limit = h.pausedSince;
            Instant due = add(time, c.start(), target.amount(), h.closedPauses);
            // paused exactly at its due instant, a clock has not run past it
            if (limit == null || due.isBefore(limit)) {
                out.add(Deadline.breach(c.kind(), c.number(), due));
            }
            for (int percent : policy.warningPercents()) {
                if (h.wasEmitted(c.kind(), c.number(), percent)) {
                    continue;
                }
                Instant warn = add(time, c.start(), target.percent(percent), h.closedPauses);
                if (limit == null || !warn.isAfter(limit)) {
                    out.add(Deadline.warning(c.kind(), c.number(), percent, warn));
                }
            }
        }
        return out;
    }

    /** The pauses up to an instant: the closed ones, cut at it, and the current one until it. */
    private static List<PauseSpan> pausesUntil(ClockHistory h, Instant end) {
        List<PauseSpan> out = new ArrayList<>(h.closedPauses.size() + 1);
        for (PauseSpan p : h.closedPauses) {
            if (!p.from().isBefore(end)) {
                break;
            }
            out.add(p.to().isAfter(end) ? PauseSpan.of(p.from(), end) : p);
        }
        if (h.pausedSince != null && h.pausedSince.isBefore(end)) {
            out.add(PauseSpan.of(h.pausedSince, end));
        }
        return out;
    }

    private static Instant add(BusinessTime time, Instant start, Duration amount, List<PauseSpan> pauses) {
        try {
            return time.addBusinessTime(start, amount, pauses);
        } catch (DateTimeException beyondRange) {
            // a target that falls beyond the supported range is as good as never due
            return BusinessTime.LATEST;
        }
    }
}
