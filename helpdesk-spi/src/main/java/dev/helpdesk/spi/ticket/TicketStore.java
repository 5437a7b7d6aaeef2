package dev.helpdesk.spi.ticket;

import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Where tickets and their histories live. The desk ships an in-memory store; the JDBC
 * adapter stores them in the host's database. Every implementation must pass the contract
 * tests of {@code helpdesk-tck}.
 *
 * <p>Rules every implementation keeps:
 * <ul>
 *   <li>Every call names its tenant, and nothing of another tenant is ever read or written;
 *       another tenant's ticket is simply not found.</li>
 *   <li>A commit is all or nothing: the tickets, their events and whatever the store keeps
 *       beside them are written together or not at all.</li>
 *   <li>Optimistic locking: a change names the version it is based on; when the ticket has
 *       moved on, the commit returns {@link Rejection.ConcurrentModification} and writes
 *       nothing. A stale write never overwrites a newer one.</li>
 *   <li>The stored state always equals {@link Tickets#replay} of the stored history.</li>
 *   <li>Implementations are safe for concurrent use.</li>
 * </ul>
 * Infrastructure failures are thrown as {@link dev.helpdesk.spi.StoreException}.
 */
public interface TicketStore {

    /**
     * Commits the changes of one command atomically: usually one ticket, two when a command
     * touches two (a merge).
     *
     * @param tenant  the tenant of every ticket in the changes
     * @param changes the changes, each for a different ticket
     * @return the new states in the order of the changes, or
     *         {@link Rejection.ConcurrentModification} when any ticket is not at its expected
     *         version (including a creation of a ticket that already exists), in which case
     *         nothing was written
     */
    Either<Rejection, List<Ticket>> commit(TenantId tenant, List<TicketChange> changes);

    /**
     * Commits the change of one ticket.
     *
     * @param tenant the tenant
     * @param change the change
     * @return the new state, or the rejection of {@link #commit(TenantId, List)}
     */
    default Either<Rejection, Ticket> commit(TenantId tenant, TicketChange change) {
        return commit(tenant, List.of(change)).map(list -> list.get(0));
    }

    /**
     * Loads a ticket by id.
     *
     * @param tenant the tenant
     * @param id     the ticket's id
     * @return the ticket, or none when this tenant has no such ticket
     */
    Option<Ticket> find(TenantId tenant, TicketId id);

    /**
     * Loads a ticket by its human number.
     *
     * @param tenant the tenant
     * @param number the number
     * @return the ticket, or none when this tenant has no such ticket
     */
    Option<Ticket> findByNumber(TenantId tenant, TicketNumber number);

    /**
     * A ticket's whole history.
     *
     * @param tenant the tenant
     * @param id     the ticket's id
     * @return its events, oldest first; empty when this tenant has no such ticket
     */
    List<RecordedEvent> history(TenantId tenant, TicketId id);

    /**
     * The histories of many tickets of any tenants at once: what the due sweep reads for a
     * claimed batch before deciding, so that a store backed by a database can answer the batch
     * in a few queries instead of one per ticket. A ticket's state is the replay of its history
     * ({@link Tickets#replay}), so the sweep needs nothing else. The default calls
     * {@link #history} for each ticket in turn.
     *
     * @param tickets the tickets, by tenant and id (as claimed)
     * @return one history per ticket, in the tickets' order, each oldest first and empty when
     *         that tenant has no such ticket
     */
    default List<List<RecordedEvent>> histories(List<DueTicket> tickets) {
        Objects.requireNonNull(tickets, "tickets");
        List<List<RecordedEvent>> histories = new ArrayList<>(tickets.size());
        for (DueTicket ticket : tickets) {
            histories.add(history(ticket.tenant(), ticket.id()));
        }
        return List.copyOf(histories);
    }

    /**
     * Lists a tenant's tickets that match a query, a page at a time, in the query's order
     * ({@link TicketQuery#sort()}, ascending number unless given).
     *
     * @param tenant the tenant
     * @param query  which tickets
     * @param page   which page
     * @return the page
     */
    Page list(TenantId tenant, TicketQuery query, PageRequest page);

    /**
     * Claims tickets of all tenants whose due time has come, for timed work. A claimed ticket
     * is not returned again by any caller (on this or another host instance) until the lease
     * expires or until a commit or {@link #reschedule} on it, so that two instances never
     * work on the same due ticket at once. Soonest due first.
     *
     * @param now   the current time; tickets due at or before it are due
     * @param limit the largest number of tickets to claim, at least 1
     * @param lease how long the claim holds if the claimant dies without committing
     * @return the claimed tickets
     */
    List<DueTicket> claimDue(Instant now, int limit, Duration lease);

    /**
     * Sets when a ticket is next due without adding events, and releases any claim on it.
     *
     * <p>It answers the ticket's version, not the ticket: a reschedule changes neither, and the
     * due sweep reschedules many tickets, so a store need not read the ticket back. A store
     * should cost one conditional write when it succeeds; the rejections may cost a read more.
     *
     * @param tenant          the tenant
     * @param id              the ticket
     * @param expectedVersion the version the new due time was computed from
     * @param dueAt           the new due time, or empty for none
     * @return the ticket's version (always {@code expectedVersion}, since a reschedule adds no
     *         events), {@link Rejection.NotFound}, or
     *         {@link Rejection.ConcurrentModification} with the actual version when the ticket
     *         moved on (its own commit set a fresher due time)
     */
    Either<Rejection, Long> reschedule(TenantId tenant, TicketId id, long expectedVersion, Optional<Instant> dueAt);

    /**
     * Reschedules many tickets, of any tenants, as {@link #reschedule} does one at a time.
     *
     * <p>The due sweep ends each claimed batch with this call for the tickets that had nothing
     * to do yet, so a store backed by a database should write them together, in one round trip
     * and one commit, rather than one commit per ticket. Each item succeeds or fails on its own:
     * a stale item does not hold the others back. The default calls {@link #reschedule} for
     * each item in turn.
     *
     * @param items the new due times; at most one per ticket
     * @return one answer per item, in the items' order, each as {@link #reschedule} answers
     * @throws IllegalArgumentException when a ticket appears twice
     */
    default List<Either<Rejection, Long>> rescheduleAll(List<Reschedule> items) {
        Reschedule.checkDistinct(items);
        List<Either<Rejection, Long>> answers = new ArrayList<>(items.size());
        for (Reschedule item : items) {
            answers.add(reschedule(item.tenant(), item.id(), item.expectedVersion(), item.dueAt()));
        }
        return List.copyOf(answers);
    }

    /**
     * When a ticket is next due, as last committed or rescheduled.
     *
     * @param tenant the tenant
     * @param id     the ticket
     * @return the due time, empty when none is set or there is no such ticket
     */
    Optional<Instant> dueAt(TenantId tenant, TicketId id);

    /**
     * How many unsolved tickets ({@link SeatClaim#COUNTED}) an agent holds, per channel: what
     * routing measures capacity against. A store backed by a database answers with one indexed
     * query; the default pages through {@link #list} with {@link TicketQuery#assignedTo}.
     *
     * @param tenant the tenant
     * @param agent  the agent
     * @return the count per channel; a channel without tickets is missing
     */
    default Map<Channel, Integer> openCounts(TenantId tenant, dev.helpdesk.spi.party.AgentId agent) {
        Map<Channel, Integer> counts = new HashMap<>();
        TicketQuery query = TicketQuery.assignedTo(agent).andStatus(SeatClaim.COUNTED);
        Optional<PageRequest> page = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
        while (page.isPresent()) {
            Page result = list(tenant, query, page.get());
            for (Ticket t : result.items()) {
                counts.merge(t.channel(), 1, Integer::sum);
            }
            page = result.next();
        }
        return Map.copyOf(counts);
    }

    /**
     * Runs an action once the transaction that the calling thread's last {@link #commit} took
     * part in has committed: the desk hands notices and direct listener calls over this way, so
     * that nothing is announced for a ticket whose host transaction later rolls back. When that
     * transaction rolls back, the action never runs. A store whose commits are their own
     * transactions (the in-memory store, the JDBC store without a host transaction) runs the
     * action at once, which is the default.
     *
     * @param action what to run after the commit; it must not throw
     */
    default void afterCommit(Runnable action) {
        action.run();
    }

    /**
     * Runs work as one unit of this store: every {@link #commit} the work makes on the calling
     * thread becomes durable together with the others when the work returns and {@code keep}
     * accepts its result, or none does (the work threw, or {@code keep} refused its result).
     * The commits of a unit see each other (a ticket opened early in the unit is found by a
     * later reply); actions handed to {@link #afterCommit} wait for the unit's end and are
     * dropped when it is undone. A database store saves one durable flush per commit this way:
     * the channels' intake takes a batch of messages in one unit.
     *
     * <p>A store with atomic units ({@link #atomicUnits()}) may end the work with a
     * {@link dev.helpdesk.spi.StoreException} when it refuses a commit in the unit (a conflict,
     * an external id taken) instead of answering the rejection: the whole unit is undone then,
     * and the caller does the work again without a unit, commit by commit. The default runs the
     * work as it is: each commit is durable on its own (answering rejections as usual) and
     * {@code keep} is not asked.
     *
     * @param work the work
     * @param keep whether the work's result is kept
     * @param <T>  the result
     * @return the work's result, kept or undone
     * @throws dev.helpdesk.spi.StoreException when the store failed or refused a commit of the
     *                                         unit: nothing of the unit was written (when
     *                                         {@link #atomicUnits()})
     */
    default <T> T unit(Supplier<T> work, Predicate<? super T> keep) {
        return work.get();
    }

    /**
     * Tells whether {@link #unit} is all or nothing. The default, for a store without
     * transactions (the in-memory store): false, the commits of a unit are durable one by one.
     *
     * @return true when a unit's commits are written together or not at all
     */
    default boolean atomicUnits() {
        return false;
    }
}
