package dev.helpdesk.core.memory;

import dev.helpdesk.spi.StoreException;
import dev.helpdesk.spi.channel.ExternalMessageId;
import dev.helpdesk.spi.channel.ExternalMessageRecord;
import dev.helpdesk.spi.channel.ExternalMessages;
import dev.helpdesk.spi.notification.HeldNotices;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.routing.RoutingTurns;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.DueTicket;
import dev.helpdesk.spi.ticket.Page;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.SeatClaim;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.TicketNumberSequence;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.TicketSort;
import dev.helpdesk.spi.ticket.TicketStore;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A {@link TicketStore} and {@link TicketNumberSequence} that keeps everything in the heap:
 * the desk's default store, for tests, demos and hosts that do not need their tickets to
 * survive a restart. It passes the contract tests of {@code helpdesk-tck}.
 *
 * <p>Concurrency: each tenant has its own read-write lock. Reads of a tenant (find, list,
 * history) share the lock and never wait for each other; a commit or reschedule holds the
 * tenant's write lock only while it checks versions and applies the change, so tenants never
 * wait for each other at all. A commit becomes visible whole: a reader sees all of its changes
 * or none of them. Due work is kept in one index over all tenants, ordered by due time, guarded
 * by its own short lock that is always taken after a tenant's lock, never before.
 *
 * <p>Costs: a commit costs O(1) (amortized) for a new ticket whose number is the tenant's
 * highest so far — the usual case, numbers come from a sequence — and for a change of an
 * existing ticket; a new ticket that commits after tickets with higher numbers moves those
 * few in the number order. Setting or clearing a due time adds O(log d) in the due tickets;
 * a commit of a ticket that never had a due time does not touch the due index. {@code find}
 * is O(1), {@code findByNumber} O(log n); {@code history} copies the ticket's events;
 * {@code list} walks tickets in number order from the page's cursor until the page is full,
 * so a filter that matches few tickets walks many; {@code claimDue} costs O(log d) per claimed ticket and never looks at tickets
 * that are not due.
 *
 * <p>The number sequence is separate from the tickets: it hands out 1, 2, 3, ... per tenant,
 * whatever numbers the committed tickets carry.
 */
public final class InMemoryTicketStore implements TicketStore, TicketNumberSequence, RoutingTurns,
        ExternalMessages, dev.helpdesk.spi.visit.booking.VisitBookings {

    private final ConcurrentMap<TenantId, TenantTickets> tenants = new ConcurrentHashMap<>();
    private final ConcurrentMap<TenantId, AtomicLong> sequences = new ConcurrentHashMap<>();
    private final DueIndex due = new DueIndex();
    private final InMemoryRoutingTurns turns = new InMemoryRoutingTurns();
    private final InMemoryHeldNotices notices = new InMemoryHeldNotices();

    /** Creates an empty store. */
    public InMemoryTicketStore() {
    }

    /**
     * {@inheritDoc}
     *
     * <p>Checks every expected version, then every seat claimed, then every new ticket's
     * number, before it writes anything. A seat is counted from an index of each agent's
     * unsolved tickets per channel that every commit keeps up to date under the tenant's write
     * lock, so the check and the write are one atomic step.
     *
     * @throws IllegalArgumentException when two changes name the same ticket or a change's
     *                                  state belongs to another tenant
     * @throws StoreException           when a new ticket carries a number another ticket of
     *                                  the tenant already has (the caller's defect: numbers
     *                                  come from a sequence and are never handed out twice)
     */
    @Override
    public Either<Rejection, List<Ticket>> commit(TenantId tenant, List<TicketChange> changes) {
        Objects.requireNonNull(tenant, "tenant");
        checkChanges(tenant, changes);
        if (changes.isEmpty()) {
            return Either.right(List.of());
        }
        TenantTickets t = tenants.computeIfAbsent(tenant, TenantTickets::new);
        t.lock.writeLock().lock();
        try {
            Stored[] found = new Stored[changes.size()];
            for (int i = 0; i < found.length; i++) {
                TicketChange change = changes.get(i);
                found[i] = t.byId.get(change.ticketId());
                long actual = found[i] == null ? 0 : found[i].state.version();
                if (actual != change.expectedVersion()) {
                    return Either.left(new Rejection.ConcurrentModification("ticket", change.ticketId().toString(),
                            change.expectedVersion(), actual));
                }
            }
            for (int i = 0; i < found.length; i++) {
                Optional<SeatClaim> seat = changes.get(i).seat();
                if (seat.isPresent() && !t.hasRoom(seat.get(), found[i])) {
                    SeatClaim claim = seat.get();
                    return Either.left(new Rejection.NoCapacity(claim.agent().value(), claim.channel().code(),
                            claim.capacity()));
                }
            }
            Set<TicketNumber> newNumbers = changes.size() > 1 ? new HashSet<>() : null;
            for (TicketChange change : changes) {
                TicketNumber number = change.newState().number();
                if (change.isCreation() && (t.numberTaken(number.value())
                        || newNumbers != null && !newNumbers.add(number))) {
                    throw new StoreException("ticket number " + number + " of tenant " + tenant
                            + " is already taken; numbers must come from the tenant's sequence", null);
                }
            }
            // one look at the events tells which of the indexes below the commit touches; most touch none
            int carries = carries(changes);
            // channel intake: external ids are checked with the versions and written with the tickets
            if ((carries & LINKS) != 0) {
                Optional<Rejection> taken = links.check(tenant, changes);
                if (taken.isPresent()) {
                    return Either.left(taken.get());
                }
            }
            // on-site visits: a technician's slot is checked and booked in the same step as the events
            if ((carries & VISITS) != 0) {
                Optional<Rejection> overlap = visits.check(tenant, changes);
                if (overlap.isPresent()) {
                    return Either.left(overlap.get());
                }
            }
            if ((carries & LINKS) != 0) {
                links.record(tenant, changes);
            }
            if ((carries & VISITS) != 0) {
                visits.apply(tenant, changes);
            }
            if (changes.size() == 1) {
                return Either.right(List.of(apply(t, found[0], changes.get(0))));
            }
            Ticket[] states = new Ticket[changes.size()];
            for (int i = 0; i < states.length; i++) {
                states[i] = apply(t, found[i], changes.get(i));
            }
            return Either.right(List.of(states));
        } finally {
            t.lock.writeLock().unlock();
        }
    }

    /** {@link #carries}: a commit links external message ids. */
    private static final int LINKS = 1;
    /** {@link #carries}: a commit changes a technician's visit bookings. */
    private static final int VISITS = 2;

    /**
     * Which of the side indexes a commit's events touch ({@link #LINKS}, {@link #VISITS}), in
     * one pass over its events: a commit that carries neither skips their checks and writes.
     */
    private static int carries(List<TicketChange> changes) {
        int carries = 0;
        for (int i = 0; i < changes.size(); i++) {
            List<TicketEvent> events = changes.get(i).events();
            for (int j = 0; j < events.size(); j++) {
                TicketEvent e = events.get(j);
                if (e instanceof TicketEvent.ExternalMessageLinked) {
                    carries |= LINKS;
                } else if (dev.helpdesk.spi.visit.booking.Bookings.visitOf(e).isPresent()) {
                    carries |= VISITS;
                }
            }
        }
        return carries;
    }

    /**
     * Applies a checked change and sets its due time; the caller holds the tenant's write lock.
     * {@code found} is the ticket as looked up for the version check, null for a new one.
     */
    private Ticket apply(TenantTickets t, Stored found, TicketChange change) {
        Stored stored = t.apply(found, change);
        schedule(t.tenant, stored, change.dueAt(), stored.state.version());
        return stored.state;
    }

    /** Sets a ticket's due time; the caller holds the tenant's write lock. */
    private void schedule(TenantId tenant, Stored stored, Optional<Instant> dueAt, long version) {
        if (stored.due == null) {
            if (dueAt.isEmpty()) {
                return; // the usual commit of a ticket that never had timed work
            }
            stored.due = due.slot(tenant, stored.state.id());
        }
        due.set(stored.due, dueAt, version);
    }

    @Override
    public Option<Ticket> find(TenantId tenant, TicketId id) {
        Objects.requireNonNull(id, "id");
        TenantTickets t = tenants.get(Objects.requireNonNull(tenant, "tenant"));
        if (t == null) {
            return Option.none();
        }
        t.lock.readLock().lock();
        try {
            Stored stored = t.byId.get(id);
            return stored == null ? Option.none() : Option.some(stored.state);
        } finally {
            t.lock.readLock().unlock();
        }
    }

    @Override
    public Option<Ticket> findByNumber(TenantId tenant, TicketNumber number) {
        Objects.requireNonNull(number, "number");
        TenantTickets t = tenants.get(Objects.requireNonNull(tenant, "tenant"));
        if (t == null) {
            return Option.none();
        }
        t.lock.readLock().lock();
        try {
            int at = t.indexOf(number.value());
            return at < 0 ? Option.none() : Option.some(t.byNumber.get(at).state);
        } finally {
            t.lock.readLock().unlock();
        }
    }

    @Override
    public List<RecordedEvent> history(TenantId tenant, TicketId id) {
        Objects.requireNonNull(id, "id");
        TenantTickets t = tenants.get(Objects.requireNonNull(tenant, "tenant"));
        if (t == null) {
            return List.of();
        }
        t.lock.readLock().lock();
        try {
            Stored stored = t.byId.get(id);
            if (stored == null) {
                return List.of();
            }
            RecordedEvent[] recorded = new RecordedEvent[stored.history.size()];
            for (int i = 0; i < recorded.length; i++) {
                recorded[i] = new RecordedEvent(tenant, i + 1, stored.history.get(i));
            }
            return List.of(recorded);
        } finally {
            t.lock.readLock().unlock();
        }
    }

    @Override
    public Page list(TenantId tenant, TicketQuery query, PageRequest page) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(page, "page");
        TenantTickets t = tenants.get(Objects.requireNonNull(tenant, "tenant"));
        if (t == null) {
            return new Page(List.of(), Optional.empty());
        }
        if (query.sort() != TicketSort.NUMBER || query.descending()) {
            return listSorted(t, query, page);
        }
        List<Ticket> items = new ArrayList<>(page.size());
        boolean more = false;
        t.lock.readLock().lock();
        try {
            int from = 0;
            if (page.after().isPresent()) {
                int at = t.indexOf(page.after().get().value());
                from = at >= 0 ? at + 1 : -at - 1;
            }
            for (int i = from; i < t.byNumber.size(); i++) {
                Stored stored = t.byNumber.get(i);
                if (query.matches(stored.state)) {
                    if (items.size() == page.size()) {
                        more = true;
                        break;
                    }
                    items.add(stored.state);
                }
            }
        } finally {
            t.lock.readLock().unlock();
        }
        Optional<PageRequest> next = more
                ? Optional.of(new PageRequest(page.size(), Optional.of(items.get(items.size() - 1).number())))
                : Optional.empty();
        return new Page(items, next);
    }

    /**
     * Lists in an order other than ascending number: sorts the tenant's matching tickets, then
     * starts after the page's ticket, so a page costs O(n log n) in the tenant's tickets.
     */
    private Page listSorted(TenantTickets t, TicketQuery query, PageRequest page) {
        List<Ticket> items = new ArrayList<>(page.size() + 1);
        t.lock.readLock().lock();
        try {
            Comparator<Ticket> order = query.order(ticket -> {
                Stored stored = t.byId.get(ticket.id());
                return stored == null || stored.due == null ? Optional.empty() : due.dueAt(stored.due);
            });
            Optional<Ticket> after = Optional.empty();
            if (page.after().isPresent()) {
                int at = t.indexOf(page.after().get().value());
                if (at < 0) {
                    return new Page(List.of(), Optional.empty());
                }
                after = Optional.of(t.byNumber.get(at).state);
            }
            List<Ticket> sorted = new ArrayList<>();
            for (Stored stored : t.byNumber) {
                if (query.matches(stored.state)
                        && after.map(a -> order.compare(stored.state, a) > 0).orElse(true)) {
                    sorted.add(stored.state);
                }
            }
            sorted.sort(order);
            items.addAll(sorted.subList(0, Math.min(sorted.size(), page.size() + 1)));
        } finally {
            t.lock.readLock().unlock();
        }
        boolean more = items.size() > page.size();
        if (more) {
            items.remove(items.size() - 1);
        }
        Optional<PageRequest> next = more
                ? Optional.of(new PageRequest(page.size(), Optional.of(items.get(items.size() - 1).number())))
                : Optional.empty();
        return new Page(items, next);
    }

    /**
     * {@inheritDoc}
     *
     * <p>A lease counts from {@code now}; it has expired once a later call's {@code now} is
     * at or after its end.
     *
     * @throws IllegalArgumentException when the limit is below 1 or the lease is not positive
     */
    @Override
    public List<DueTicket> claimDue(Instant now, int limit, Duration lease) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lease, "lease");
        if (limit < 1) {
            throw new IllegalArgumentException("claim at least one ticket: " + limit);
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a lease is positive: " + lease);
        }
        return due.claim(now, limit, lease);
    }

    @Override
    public Either<Rejection, Long> reschedule(TenantId tenant, TicketId id, long expectedVersion,
                                              Optional<Instant> dueAt) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dueAt, "dueAt");
        TenantTickets t = tenants.get(Objects.requireNonNull(tenant, "tenant"));
        if (t == null) {
            return Either.left(new Rejection.NotFound("ticket", id.toString()));
        }
        // the write lock keeps a commit of the same ticket from slipping between the version
        // check and the new due time
        t.lock.writeLock().lock();
        try {
            Stored stored = t.byId.get(id);
            if (stored == null) {
                return Either.left(new Rejection.NotFound("ticket", id.toString()));
            }
            if (stored.state.version() != expectedVersion) {
                return Either.left(new Rejection.ConcurrentModification("ticket", id.toString(), expectedVersion,
                        stored.state.version()));
            }
            schedule(tenant, stored, dueAt, expectedVersion);
            return Either.right(expectedVersion);
        } finally {
            t.lock.writeLock().unlock();
        }
    }

    @Override
    public Optional<Instant> dueAt(TenantId tenant, TicketId id) {
        Objects.requireNonNull(id, "id");
        TenantTickets t = tenants.get(Objects.requireNonNull(tenant, "tenant"));
        if (t == null) {
            return Optional.empty();
        }
        t.lock.readLock().lock();
        try {
            Stored stored = t.byId.get(id);
            return stored == null || stored.due == null ? Optional.empty() : due.dueAt(stored.due);
        } finally {
            t.lock.readLock().unlock();
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Costs a look-up in an index the commits keep; never walks the tickets.
     */
    @Override
    public Map<Channel, Integer> openCounts(TenantId tenant, AgentId agent) {
        Objects.requireNonNull(agent, "agent");
        TenantTickets t = tenants.get(Objects.requireNonNull(tenant, "tenant"));
        if (t == null) {
            return Map.of();
        }
        t.lock.readLock().lock();
        try {
            Map<Channel, Integer> counts = t.open.get(agent);
            return counts == null ? Map.of() : Map.copyOf(counts);
        } finally {
            t.lock.readLock().unlock();
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Shared by every desk built on this store.
     */
    @Override
    public AgentId nextTurn(TenantId tenant, GroupId group, List<AgentId> candidates) {
        return turns.nextTurn(tenant, group, candidates);
    }

    /**
     * The notices held for their recipients' working hours beside this store's tickets: what a
     * desk built on this store holds them in. (A store cannot be its own {@link HeldNotices}:
     * both contracts name a {@code claimDue(Instant, int, Duration)}.)
     *
     * @return the held notices, one instance per store
     */
    public HeldNotices heldNotices() {
        return notices;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Costs one atomic increment; never blocks.
     */
    @Override
    public TicketNumber next(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        return TicketNumber.of(sequences.computeIfAbsent(tenant, k -> new AtomicLong()).incrementAndGet());
    }

    private static void checkChanges(TenantId tenant, List<TicketChange> changes) {
        Objects.requireNonNull(changes, "changes");
        // almost every commit has one change; no set is needed to tell it apart from itself
        Set<TicketId> seen = changes.size() > 1 ? new HashSet<>() : null;
        for (TicketChange change : changes) {
            Objects.requireNonNull(change, "change");
            if (seen != null && !seen.add(change.ticketId())) {
                throw new IllegalArgumentException("two changes of ticket " + change.ticketId() + " in one commit");
            }
            if (!change.newState().tenant().equals(tenant)) {
                throw new IllegalArgumentException("ticket " + change.ticketId() + " of tenant "
                        + change.newState().tenant() + " committed for tenant " + tenant);
            }
        }
    }

    /**
     * One ticket: its state, history and place in the due index, changed only under its
     * tenant's write lock.
     */
    private static final class Stored {
        private final long number;
        private Ticket state;
        /** The events, oldest first: event {@code i} has version {@code i + 1}. */
        private final List<TicketEvent> history = new ArrayList<>();
        /** Made the first time the ticket has a due time. */
        private DueIndex.Slot due;

        private Stored(Ticket state) {
            this.number = state.number().value();
            this.state = state;
        }
    }

    /** The tickets of one tenant, by id and by number, under one read-write lock. */
    private static final class TenantTickets {
        private final TenantId tenant;
        private final ReadWriteLock lock = new ReentrantReadWriteLock();
        private final Map<TicketId, Stored> byId = new HashMap<>();
        /**
         * In number order. Numbers come from a sequence, so a new ticket almost always goes at
         * the end; one that commits after a later number moves only the few behind it.
         */
        private final List<Stored> byNumber = new ArrayList<>();
        /** Each agent's unsolved tickets per channel: what seats are counted against. */
        private final Map<AgentId, Map<Channel, Integer>> open = new HashMap<>();

        private TenantTickets(TenantId tenant) {
            this.tenant = tenant;
        }

        /** Where a number is in {@link #byNumber}, or {@code -(insertion point) - 1}. */
        private int indexOf(long number) {
            int low = 0;
            int high = byNumber.size() - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                long at = byNumber.get(mid).number;
                if (at < number) {
                    low = mid + 1;
                } else if (at > number) {
                    high = mid - 1;
                } else {
                    return mid;
                }
            }
            return -(low + 1);
        }

        private boolean numberTaken(long number) {
            int last = byNumber.size() - 1;
            return last >= 0 && number <= byNumber.get(last).number && indexOf(number) >= 0;
        }

        private void insertByNumber(Stored stored) {
            int last = byNumber.size() - 1;
            if (last < 0 || byNumber.get(last).number < stored.number) {
                byNumber.add(stored);
            } else {
                byNumber.add(-indexOf(stored.number) - 1, stored);
            }
        }

        /** Applies a checked change to {@code stored}, or to a new ticket when null; the caller holds the write lock. */
        private Stored apply(Stored found, TicketChange change) {
            Stored stored = found;
            if (stored == null) {
                stored = new Stored(change.newState());
                byId.put(change.ticketId(), stored);
                insertByNumber(stored);
                stored.history.addAll(change.events());
                count(stored.state, 1);
                return stored;
            }
            Ticket before = stored.state;
            Ticket after = change.newState();
            stored.history.addAll(change.events());
            stored.state = after;
            // most changes (a reply, a note) keep the seat where it was: the index stays as it is
            if (!sameSeat(before, after)) {
                count(before, -1);
                count(after, 1);
            }
            return stored;
        }

        /** Whether two states of a ticket hold the same seat, or both none. */
        private static boolean sameSeat(Ticket before, Ticket after) {
            boolean held = SeatClaim.COUNTED.contains(before.status());
            boolean holds = SeatClaim.COUNTED.contains(after.status());
            if (!held && !holds) {
                return true;
            }
            return held == holds && before.assignee().equals(after.assignee())
                    && before.channel().equals(after.channel());
        }

        /** Adds a ticket to or takes it from its assignee's count, when it holds a seat. */
        private void count(Ticket ticket, int delta) {
            Optional<AgentId> assignee = ticket.assignee();
            if (assignee.isEmpty() || !SeatClaim.COUNTED.contains(ticket.status())) {
                return;
            }
            Map<Channel, Integer> counts = open.computeIfAbsent(assignee.get(), a -> new HashMap<>());
            int next = counts.getOrDefault(ticket.channel(), 0) + delta;
            if (next == 0) {
                counts.remove(ticket.channel());
            } else {
                counts.put(ticket.channel(), next);
            }
        }

        /**
         * Whether an agent has room for a claimed seat: fewer unsolved tickets on the channel
         * than the capacity, not counting the committed ticket itself ({@code found}, null when
         * new).
         */
        private boolean hasRoom(SeatClaim seat, Stored found) {
            Map<Channel, Integer> counts = open.get(seat.agent());
            int held = counts == null ? 0 : counts.getOrDefault(seat.channel(), 0);
            if (found != null && found.state.assignee().equals(Optional.of(seat.agent()))
                    && found.state.channel().equals(seat.channel()) && SeatClaim.COUNTED.contains(found.state.status())) {
                held--;
            }
            return held < seat.capacity();
        }
    }

    // ---- channel intake: the index of external message ids ----

    private final ExternalLinks links = new ExternalLinks();

    // ---- on-site visits ------------------------------------------------------

    private final dev.helpdesk.core.visit.InMemoryVisitBookings visits = new dev.helpdesk.core.visit.InMemoryVisitBookings();

    /**
     * {@inheritDoc}
     *
     * <p>Here: a hash lookup; the index is written under the tenant's write lock by
     * {@link #commit}, together with the tickets.
     */
    @Override
    public Optional<ExternalMessageRecord> find(TenantId tenant, Channel channel, ExternalMessageId externalId) {
        return links.find(tenant, channel, externalId);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: kept beside the tickets, written under the tenant's write lock in the commit
     * that carries the visit's events.
     */
    @Override
    public List<dev.helpdesk.spi.visit.booking.Booking> bookings(TenantId tenant, dev.helpdesk.spi.party.AgentId technician,
                                                                  dev.helpdesk.spi.visit.VisitSlot span) {
        Objects.requireNonNull(tenant, "tenant");
        TenantTickets t = tenants.get(tenant);
        if (t == null) {
            return List.of();
        }
        // the tenant's read lock: a commit's bookings become visible with its tickets
        t.lock.readLock().lock();
        try {
            return visits.bookings(tenant, technician, span);
        } finally {
            t.lock.readLock().unlock();
        }
    }

    @Override
    public Optional<dev.helpdesk.spi.visit.booking.Booking> booking(TenantId tenant, dev.helpdesk.spi.visit.VisitId visit) {
        Objects.requireNonNull(tenant, "tenant");
        TenantTickets t = tenants.get(tenant);
        if (t == null) {
            return Optional.empty();
        }
        t.lock.readLock().lock();
        try {
            return visits.booking(tenant, visit);
        } finally {
            t.lock.readLock().unlock();
        }
    }
}
