package dev.helpdesk.core.internal.pipeline;

import dev.helpdesk.core.internal.notice.Notices;
import dev.helpdesk.core.internal.routing.Router;
import dev.helpdesk.spi.outbox.DeliveryReport;
import dev.helpdesk.spi.outbox.EventOutbox;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.plugin.EventListener;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketStore;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deliver step, after the commit: what a commit announces leaves only once the commit is
 * durable. Notices, and the direct calls of event listeners of a store without an outbox, are
 * handed to {@link TicketStore#afterCommit}: a store that joins a host's transaction runs them
 * when that transaction commits and never when it rolls back. With an outbox the store keeps
 * the events with the commit and {@link #deliverEvents} hands them over later, at least once,
 * in order per ticket.
 *
 * <p>It also tells which routed groups' queues may drain because a commit freed an agent's
 * seat (a ticket solved, closed, merged, unassigned or handed to another agent): the command
 * path drains them once it has its answer.
 */
public final class AfterCommitDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(AfterCommitDelivery.class);

    private final TicketStore store;
    private final List<EventListener> listeners;
    private final Notices notices;
    private final Router router;
    private final int batchSize;

    /**
     * Makes the step.
     *
     * @param store     the desk's store
     * @param listeners the event listeners
     * @param notices   the notices
     * @param router    the routing, for the groups an agent works in
     * @param batchSize how many outbox events to hand over at a time
     */
    public AfterCommitDelivery(TicketStore store, List<EventListener> listeners, Notices notices, Router router,
                               int batchSize) {
        this.store = store;
        this.listeners = List.copyOf(listeners);
        this.notices = notices;
        this.router = router;
        this.batchSize = batchSize;
    }

    /**
     * Hands a commit's announcements to the store's after-commit hook and answers the groups
     * to drain.
     *
     * @param tenant  the tenant
     * @param changes the committed changes
     * @return the routed groups whose queues may drain
     */
    Set<GroupId> committed(TenantId tenant, List<TicketChange> changes) {
        boolean publish = !listeners.isEmpty() && outbox() == null;
        if (publish || notices.isActive()) {
            store.afterCommit(() -> {
                for (TicketChange c : changes) {
                    if (publish) {
                        publish(tenant, c);
                    }
                    dispatch(tenant, c);
                }
            });
        }
        return router.hasGroups() ? freed(tenant, changes) : Set.of();
    }

    private void dispatch(TenantId tenant, TicketChange change) {
        try {
            notices.dispatch(tenant, change);
        } catch (RuntimeException e) {
            // the after-commit hook must not throw: the commit is done whatever a notice does
            LOG.warn("notices of ticket {} failed", change.ticketId(), e);
        }
    }

    private void publish(TenantId tenant, TicketChange change) {
        long version = change.expectedVersion();
        for (TicketEvent event : change.events()) {
            RecordedEvent recorded = new RecordedEvent(tenant, ++version, event);
            for (EventListener listener : listeners) {
                try {
                    listener.on(recorded);
                } catch (Exception | LinkageError e) {
                    // a listener never breaks the command that produced the event
                    LOG.warn("event listener {} failed on {} {}", listener.name(), recorded.eventId(), event.kind(), e);
                }
            }
        }
    }

    private Set<GroupId> freed(TenantId tenant, List<TicketChange> changes) {
        Set<GroupId> drain = new LinkedHashSet<>();
        for (TicketChange change : changes) {
            Ticket t = change.newState();
            for (TicketEvent e : change.events()) {
                Optional<AgentId> freed = Optional.empty();
                if (e instanceof TicketEvent.Unassigned u) {
                    freed = Optional.of(u.previous());
                } else if (e instanceof TicketEvent.Solved || e instanceof TicketEvent.Closed
                        || e instanceof TicketEvent.Merged) {
                    freed = t.assignee();
                } else if (e instanceof TicketEvent.Assigned && !e.actor().equals(RoutingStep.ROUTING)) {
                    // a hand-over frees the previous assignee, who most likely works in this group
                    t.group().ifPresent(drain::add);
                }
                freed.ifPresent(agent -> drain.addAll(router.groupsOf(tenant, agent)));
            }
        }
        drain.removeIf(g -> router.routing(g).isEmpty());
        return drain;
    }

    /** The store's outbox, when it keeps events for later delivery. */
    private EventOutbox outbox() {
        return store instanceof EventOutbox o && o.isActive() ? o : null;
    }

    /**
     * Hands the events the store's outbox keeps to the listeners, a batch at a time, until
     * none is due. Without an outbox, listeners were called after each commit and this does
     * nothing.
     *
     * @param now the current time, for back-off
     * @return what was delivered
     */
    public DeliveryReport deliverEvents(Instant now) {
        EventOutbox outbox = outbox();
        if (outbox == null || listeners.isEmpty()) {
            return DeliveryReport.NOTHING;
        }
        DeliveryReport total = DeliveryReport.NOTHING;
        while (true) {
            DeliveryReport batch = outbox.deliver(now, batchSize, listeners);
            total = total.plus(batch);
            if (batch.handled() < batchSize || batch.delivered() == 0) {
                return total;
            }
        }
    }

    /**
     * Sends the held notices whose recipients' working hours have come.
     *
     * @param now the current time
     * @return how many were sent
     */
    public int releaseNotices(Instant now) {
        return notices.releaseDue(now);
    }

    /**
     * The notices held for working hours.
     *
     * @return them, soonest first
     */
    public List<dev.helpdesk.spi.notification.Notification> heldNotices() {
        return notices.waiting();
    }
}
