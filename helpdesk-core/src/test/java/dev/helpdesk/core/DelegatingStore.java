package dev.helpdesk.core;

import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.DueTicket;
import dev.helpdesk.spi.ticket.Page;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Reschedule;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.TicketNumberSequence;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.TicketStore;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A store that forwards every call, for tests that change one behaviour. */
class DelegatingStore implements TicketStore, TicketNumberSequence {
    private final TicketStore store;
    private final TicketNumberSequence numbers;

    <S extends TicketStore & TicketNumberSequence> DelegatingStore(S store) {
        this.store = store;
        this.numbers = store;
    }

    @Override
    public Either<Rejection, List<Ticket>> commit(TenantId tenant, List<TicketChange> changes) {
        return store.commit(tenant, changes);
    }

    @Override
    public Option<Ticket> find(TenantId tenant, TicketId id) {
        return store.find(tenant, id);
    }

    @Override
    public Option<Ticket> findByNumber(TenantId tenant, TicketNumber number) {
        return store.findByNumber(tenant, number);
    }

    @Override
    public List<RecordedEvent> history(TenantId tenant, TicketId id) {
        return store.history(tenant, id);
    }

    @Override
    public Page list(TenantId tenant, TicketQuery query, PageRequest page) {
        return store.list(tenant, query, page);
    }

    @Override
    public List<List<RecordedEvent>> histories(List<DueTicket> tickets) {
        return store.histories(tickets);
    }

    @Override
    public List<DueTicket> claimDue(Instant now, int limit, Duration lease) {
        return store.claimDue(now, limit, lease);
    }

    @Override
    public Either<Rejection, Long> reschedule(TenantId tenant, TicketId id, long expectedVersion, Optional<Instant> dueAt) {
        return store.reschedule(tenant, id, expectedVersion, dueAt);
    }

    @Override
    public List<Either<Rejection, Long>> rescheduleAll(List<Reschedule> items) {
        return store.rescheduleAll(items);
    }

    @Override
    public Optional<Instant> dueAt(TenantId tenant, TicketId id) {
        return store.dueAt(tenant, id);
    }

    @Override
    public TicketNumber next(TenantId tenant) {
        return numbers.next(tenant);
    }
}
