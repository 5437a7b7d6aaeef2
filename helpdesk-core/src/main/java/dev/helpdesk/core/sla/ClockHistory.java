package dev.helpdesk.core.sla;

import dev.helpdesk.spi.calendar.PauseSpan;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.TicketEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a ticket's events say about its clocks, before any target is applied: when each cycle
 * of each clock started and stopped, when the ticket was paused, and which warnings and
 * breaches were already emitted. It depends on the policy only through its pause statuses, so
 * cycles are numbered the same under every policy.
 */
final class ClockHistory {

    /**
     * One cycle of one clock.
     *
     * @param kind      the clock
     * @param number    the cycle, from 1
     * @param start     when it started
     * @param stop      when it stopped, or null while it runs
     * @param cancelled true when it stopped because the ticket was merged away
     */
    record Cycle(ClockKind kind, int number, Instant start, Instant stop, boolean cancelled) {
        boolean running() {
            return stop == null;
        }
    }

    /**
     * A warning or breach already in the history.
     *
     * @param kind      the clock
     * @param cycle     the cycle
     * @param threshold the warning's percentage, or {@link #BREACH}
     */
    record Emitted(ClockKind kind, int cycle, int threshold) {
    }

    /** The threshold an emitted breach is recorded under. */
    static final int BREACH = 0;

    final List<Cycle> cycles;
    final List<PauseSpan> closedPauses;
    final Instant pausedSince;
    final Set<Emitted> emitted;
    final boolean finalStatus;
    final Instant lastAt;

    private ClockHistory(List<Cycle> cycles, List<PauseSpan> closedPauses, Instant pausedSince, Set<Emitted> emitted,
                         boolean finalStatus, Instant lastAt) {
        this.cycles = cycles;
        this.closedPauses = closedPauses;
        this.pausedSince = pausedSince;
        this.emitted = emitted;
        this.finalStatus = finalStatus;
        this.lastAt = lastAt;
    }

    boolean wasEmitted(ClockKind kind, int cycle, int threshold) {
        return emitted.contains(new Emitted(kind, cycle, threshold));
    }

    /** A cycle while the history is read. */
    private static final class Open {
        final ClockKind kind;
        final int number;
        final Instant start;
        Instant stop;
        boolean cancelled;

        Open(ClockKind kind, int number, Instant start) {
            this.kind = kind;
            this.number = number;
            this.start = start;
        }

        Cycle done() {
            return new Cycle(kind, number, start, stop, cancelled);
        }
    }

    /** Reads a history once, oldest event first. */
    private static final class Reader {
        private final Set<Status> pauseStatuses;
        private final List<Open> all = new ArrayList<>();
        private final List<PauseSpan> pauses = new ArrayList<>();
        private final Set<Emitted> emitted = new HashSet<>();
        private Status status = Status.NEW;
        private Instant pausedSince;
        private Open firstResponse;
        private Open nextResponse;
        private Open periodicUpdate;
        private Open resolution;
        private int nextResponses;
        private int periodicUpdates;
        private boolean agentReplied;

        Reader(Set<Status> pauseStatuses) {
            this.pauseStatuses = pauseStatuses;
        }

        private Open start(ClockKind kind, int number, Instant at) {
            Open cycle = new Open(kind, number, at);
            all.add(cycle);
            return cycle;
        }

        private static void stop(Open cycle, Instant at, boolean cancelled) {
            if (cycle != null && cycle.stop == null) {
                cycle.stop = at;
                cycle.cancelled = cancelled;
            }
        }

        private void stopAll(Instant at, boolean cancelled) {
            // the reply that solves the ticket in the same instant opens no interval to update in
            if (periodicUpdate != null && periodicUpdate.stop == null && periodicUpdate.start.equals(at)) {
                all.remove(periodicUpdate);
                periodicUpdates--;
                periodicUpdate = null;
            }
            stop(firstResponse, at, cancelled);
            stop(nextResponse, at, cancelled);
            stop(periodicUpdate, at, cancelled);
            stop(resolution, at, cancelled);
            nextResponse = null;
            periodicUpdate = null;
        }

        private void status(Status next, Instant at) {
            boolean was = pauseStatuses.contains(status);
            boolean is = pauseStatuses.contains(next);
            if (was && !is) {
                if (at.isAfter(pausedSince)) {
                    pauses.add(PauseSpan.of(pausedSince, at));
                }
                pausedSince = null;
            } else if (!was && is) {
                pausedSince = at;
            }
            status = next;
        }

        void opened(TicketEvent.Opened o) {
            firstResponse = start(ClockKind.FIRST_RESPONSE, 1, o.at());
            resolution = start(ClockKind.RESOLUTION, 1, o.at());
        }

        void read(TicketEvent e) {
            Instant at = e.at();
            if (e instanceof TicketEvent.MessagePosted m) {
                message(m.message(), at);
            } else if (e instanceof TicketEvent.StatusChanged s) {
                status(s.to(), at);
            } else if (e instanceof TicketEvent.Solved) {
                stopAll(at, false);
                status(Status.SOLVED, at);
            } else if (e instanceof TicketEvent.Reopened r) {
                resolution = start(ClockKind.RESOLUTION, r.cycle(), at);
                status(Status.OPEN, at);
            } else if (e instanceof TicketEvent.Closed) {
                stopAll(at, false);
                status(Status.CLOSED, at);
            } else if (e instanceof TicketEvent.Merged) {
                stopAll(at, true);
                status(Status.MERGED, at);
            } else if (e instanceof TicketEvent.SlaWarning w) {
                emitted.add(new Emitted(w.clock(), w.cycle(), w.thresholdPercent()));
            } else if (e instanceof TicketEvent.SlaBreached b) {
                emitted.add(new Emitted(b.clock(), b.cycle(), BREACH));
            }
        }

        private void message(Message m, Instant at) {
            if (isAgentResponse(m)) {
                stop(firstResponse, at, false);
                stop(nextResponse, at, false);
                stop(periodicUpdate, at, false);
                nextResponse = null;
                periodicUpdate = null;
                if (status != Status.SOLVED && !status.isFinal()) {
                    periodicUpdate = start(ClockKind.PERIODIC_UPDATE, ++periodicUpdates, at);
                }
                agentReplied = true;
            } else if (m.author() instanceof Actor.Customer && agentReplied && nextResponse == null) {
                nextResponse = start(ClockKind.NEXT_RESPONSE, ++nextResponses, at);
            }
        }

        ClockHistory done(Instant lastAt) {
            List<Cycle> cycles = new ArrayList<>(all.size());
            for (Open o : all) {
                cycles.add(o.done());
            }
            return new ClockHistory(List.copyOf(cycles), List.copyOf(pauses), pausedSince, Set.copyOf(emitted),
                    status.isFinal(), lastAt);
        }
    }

    /**
     * Tells whether an event can stop a cycle, as {@code Reader.read} stops them: an agent's
     * response, a solve, a close or a merge.
     *
     * @param e an event
     * @return true when reading it may stop a running cycle
     */
    static boolean stops(TicketEvent e) {
        return e instanceof TicketEvent.MessagePosted m && isAgentResponse(m.message()) || e instanceof TicketEvent.Solved
                || e instanceof TicketEvent.Closed || e instanceof TicketEvent.Merged;
    }

    /**
     * Tells whether a message answers the customer: public, written by an agent, not automatic.
     *
     * @param m a message
     * @return true when it stops a response clock
     */
    static boolean isAgentResponse(Message m) {
        return m.isPublic() && !m.automatic() && m.author() instanceof Actor.Agent;
    }

    /**
     * Reads a ticket's history.
     *
     * @param events        the events, oldest first, starting with the opening
     * @param pauseStatuses the statuses that pause clocks
     * @return what the history says about the clocks
     * @throws IllegalArgumentException when the history does not start with an opening
     */
    static ClockHistory of(List<? extends TicketEvent> events, Set<Status> pauseStatuses) {
        if (events.isEmpty() || !(events.get(0) instanceof TicketEvent.Opened opened)) {
            throw new IllegalArgumentException("a ticket's history starts with its opening");
        }
        Reader reader = new Reader(pauseStatuses);
        reader.opened(opened);
        Instant last = opened.at();
        for (int i = 1; i < events.size(); i++) {
            TicketEvent e = events.get(i);
            if (e.at().isAfter(last)) {
                last = e.at();
            }
            // the description posted by the opening command is the request, never its answer,
            // even when an agent logs it for a caller
            if (i == 1 && e instanceof TicketEvent.MessagePosted && e.at().equals(opened.at())) {
                continue;
            }
            reader.read(e);
        }
        return reader.done(last);
    }
}
