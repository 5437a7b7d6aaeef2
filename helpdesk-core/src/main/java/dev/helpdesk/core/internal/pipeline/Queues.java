package dev.helpdesk.core.internal.pipeline;

import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Page;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.TicketSort;
import dev.helpdesk.spi.ticket.TicketStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The routing queues, read from the store: the tickets of a group that wait for an agent.
 * Costs a listing of the tenant's unsolved tickets, a page per 500.
 */
public final class Queues {
    private final TicketStore store;

    /**
     * Makes the reader.
     *
     * @param store the desk's store
     */
    public Queues(TicketStore store) {
        this.store = store;
    }

    /**
     * The tickets waiting in a group's queue: unassigned and not solved, oldest first.
     *
     * @param tenant the tenant
     * @param group  the group
     * @return the tickets
     */
    public List<Ticket> waiting(TenantId tenant, GroupId group) {
        List<Ticket> waiting = new ArrayList<>();
        TicketQuery queue = TicketQuery.builder()
                .inGroup(group).unassigned(true)
                .inStatus(Status.NEW, Status.OPEN, Status.PENDING, Status.ON_HOLD)
                .sortedBy(TicketSort.CREATION, false)
                .build();
        Optional<PageRequest> page = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
        while (page.isPresent()) {
            Page batch = store.list(tenant, queue, page.get());
            waiting.addAll(batch.items());
            page = batch.next();
        }
        waiting.sort(Comparator.comparing(Ticket::createdAt).thenComparing(t -> t.number().value()));
        return waiting;
    }
}
