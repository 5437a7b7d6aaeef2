package dev.helpdesk.core.internal.pipeline;

import dev.helpdesk.core.internal.pipeline.Committer.Committed;
import dev.helpdesk.core.internal.pipeline.LiveConfiguration.Snapshot;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.DueTicket;
import dev.helpdesk.spi.ticket.Page;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Reschedule;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.spi.ticket.Tickets;
import java.util.function.Supplier;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Timed work: claims due tickets in batches and runs the same steps as a command on each,
 * starting from what time decided instead of what a request decided (SLA warnings and breaches,
 * an automatic close, then the timed rules), and recomputes due times after the SLA
 * configuration changed.
 */
public final class DueSweep {
    private static final Logger LOG = LoggerFactory.getLogger(DueSweep.class);

    /**
     * What one sweep did.
     *
     * @param claimed   due tickets claimed
     * @param changed   tickets that received events
     * @param events    events committed
     * @param conflicts tickets skipped because a command changed them at the same moment
     */
    public record Swept(int claimed, int changed, int events, int conflicts) {
    }

    private final TicketStore store;
    private final LiveConfiguration config;
    private final Decision decision;
    private final RuleReaction rules;
    private final RoutingStep routing;
    private final Scheduling scheduling;
    private final Committer committer;
    private final Commands commands;
    private final AfterCommitDelivery delivery;
    private final int batchSize;
    private final Duration lease;
    private final Actor autoCloser;
    private final Actor slaRule;

    DueSweep(TicketStore store, LiveConfiguration config, Decision decision, RuleReaction rules, RoutingStep routing,
             Scheduling scheduling, Committer committer, Commands commands, AfterCommitDelivery delivery, int batchSize,
             Duration lease) {
        this.store = store;
        this.config = config;
        this.decision = decision;
        this.rules = rules;
        this.routing = routing;
        this.scheduling = scheduling;
        this.committer = committer;
        this.commands = commands;
        this.delivery = delivery;
        this.batchSize = batchSize;
        this.lease = lease;
        this.autoCloser = Actor.system("auto-close");
        this.slaRule = Actor.system("sla");
    }

    /**
     * Does the timed work due at a time, across all tenants, a claimed batch at a time, then
     * sends the held notices that are due and drains the queues the commits freed seats in.
     *
     * @param now the time to run at
     * @return what was done
     */
    public Swept runDue(Instant now) {
        int claimedAll = 0;
        int changedAll = 0;
        int eventsAll = 0;
        int conflictsAll = 0;
        Map<TenantId, java.util.Set<GroupId>> freed = new LinkedHashMap<>();
        while (true) {
            List<DueTicket> claimed = store.claimDue(now, batchSize, lease);
            // tickets with nothing to do yet get their next due time together, after the batch
            List<Reschedule> later = new ArrayList<>();
            // the whole batch's histories in one read; each ticket's state is their replay
            List<List<RecordedEvent>> histories = claimed.isEmpty() ? List.of() : store.histories(claimed);
            for (int i = 0; i < claimed.size(); i++) {
                DueTicket due = claimed.get(i);
                List<RecordedEvent> recorded = histories.get(i);
                if (recorded.isEmpty()) {
                    continue;
                }
                List<TicketEvent> history = TicketLoader.events(recorded, Long.MAX_VALUE);
                Ticket ticket = Tickets.replay(due.tenant(), history);
                Snapshot snapshot = config.current();
                int[] fired = new int[1];
                Either<Rejection, Committed> r = committer.run(full -> {
                    Batch batch = new Batch(due.tenant(), ticket, () -> history, List.of(), now, full, decision,
                            snapshot.rules());
                    // SLA events first: a late breach of a solved ticket belongs before its close
                    snapshot.sla().due(ticket, history, now, slaRule).forEach(batch::add);
                    decision.autoClose(ticket, now, scheduling.autoCloseAfter(), autoCloser).forEach(batch::add);
                    if (scheduling.remoteSessions()) {
                        decision.fieldDue(ticket, history, now, REMOTE_SESSIONS).forEach(batch::add);
                    }
                    rules.timed(batch, snapshot.rules(), now);
                    if (batch.events().isEmpty()) {
                        return Either.right(null);
                    }
                    rules.react(batch, snapshot.rules());
                    routing.afterRules(batch);
                    fired[0] = batch.events().size();
                    return committer.commit(due.tenant(), List.of(scheduling.change(batch, snapshot)));
                }, false);
                if (r.isLeft()) {
                    conflictsAll++;
                } else if (r.get() != null) {
                    changedAll++;
                    eventsAll += fired[0];
                    freed.computeIfAbsent(due.tenant(), t -> new java.util.LinkedHashSet<>()).addAll(r.get().freed());
                } else {
                    Optional<Instant> next = scheduling.nextDue(snapshot, ticket, () -> history);
                    if (next.isPresent() && !next.get().isAfter(now)) {
                        // nothing to do yet due: never reschedule into this same run; the claim's
                        // lease keeps it from being claimed again until it expires
                        LOG.warn("ticket {} is due at {} with nothing to do", ticket.id(), next.get());
                        continue;
                    }
                    later.add(new Reschedule(due.tenant(), ticket.id(), ticket.version(), next));
                }
            }
            if (!later.isEmpty()) {
                conflictsAll += (int) store.rescheduleAll(later).stream().filter(Either::isLeft).count();
            }
            claimedAll += claimed.size();
            if (claimed.size() < batchSize) {
                break;
            }
        }
        delivery.releaseNotices(now);
        freed.forEach((tenant, groups) -> groups.forEach(g -> commands.drain(tenant, g)));
        return new Swept(claimedAll, changedAll, eventsAll, conflictsAll);
    }

    /**
     * Stores a fresh due time for every ticket of a tenant that can still have timed work.
     *
     * @param tenant the tenant
     * @return how many tickets were rescheduled
     */
    public int reschedule(TenantId tenant) {
        TicketQuery open = TicketQuery.inStatus(Status.NEW, Status.OPEN, Status.PENDING, Status.ON_HOLD, Status.SOLVED);
        Optional<PageRequest> page = Optional.of(PageRequest.first(Math.min(batchSize, PageRequest.MAX_SIZE)));
        int rescheduled = 0;
        Snapshot snapshot = config.current();
        while (page.isPresent()) {
            Page batch = store.list(tenant, open, page.get());
            List<Reschedule> fresh = new ArrayList<>(batch.items().size());
            for (Ticket ticket : batch.items()) {
                List<TicketEvent> events = TicketLoader.events(store.history(tenant, ticket.id()), ticket.version());
                if (events.size() != ticket.version()) {
                    continue; // it moved on while we read; its own commit scheduled it
                }
                fresh.add(new Reschedule(tenant, ticket.id(), ticket.version(),
                        scheduling.nextDue(snapshot, ticket, () -> events)));
            }
            rescheduled += (int) store.rescheduleAll(fresh).stream().filter(Either::isRight).count();
            page = batch.next();
        }
        return rescheduled;
    }

    // ---- remote sessions -----------------------------------------------------

    /** The actor that ends a remote session whose consent ran out. */
    static final Actor REMOTE_SESSIONS = Actor.system("remote-sessions");
}
