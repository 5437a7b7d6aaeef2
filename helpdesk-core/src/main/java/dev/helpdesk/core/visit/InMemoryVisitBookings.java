package dev.helpdesk.core.visit;

import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.visit.VisitId;
import dev.helpdesk.spi.visit.VisitSlot;
import dev.helpdesk.spi.visit.booking.Booking;
import dev.helpdesk.spi.visit.booking.Bookings;
import dev.helpdesk.spi.visit.booking.VisitBookings;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The technicians' bookings of the in-memory store. The store calls {@link #check} and
 * {@link #apply} under a tenant's write lock in its commit, so a check and the write it allows
 * are one atomic step; readers see a booking once its commit is visible. Reads cost
 * O(bookings of the technician).
 */
public final class InMemoryVisitBookings implements VisitBookings {
    private final ConcurrentMap<TenantId, ConcurrentMap<VisitId, Booking>> byTenant = new ConcurrentHashMap<>();
    private final ConcurrentMap<TenantId, ConcurrentMap<AgentId, ConcurrentMap<VisitId, Booking>>> byTechnician =
            new ConcurrentHashMap<>();

    /** Creates empty bookings. */
    public InMemoryVisitBookings() {
    }

    @Override
    public List<Booking> bookings(TenantId tenant, AgentId technician, VisitSlot span) {
        return technicianBookings(tenant, technician).values().stream()
                .filter(b -> b.status().holdsSlot() && b.slot().overlaps(span))
                .sorted(Comparator.comparing((Booking b) -> b.slot().start()).thenComparing(b -> b.visit().value()))
                .toList();
    }

    @Override
    public Optional<Booking> booking(TenantId tenant, VisitId visit) {
        return Optional.ofNullable(byTenant.getOrDefault(tenant, new ConcurrentHashMap<>()).get(visit));
    }

    /**
     * Checks a commit's visit events against the tenant's bookings, in order, as if they were
     * written: the caller holds the tenant's write lock.
     *
     * @param tenant  the tenant
     * @param changes the commit
     * @return the overlap that refuses the commit, or empty
     */
    public Optional<Rejection> check(TenantId tenant, List<TicketChange> changes) {
        Map<VisitId, Booking> pending = new HashMap<>();
        for (TicketChange change : changes) {
            for (TicketEvent e : change.events()) {
                Optional<VisitId> visit = Bookings.visitOf(e);
                if (visit.isEmpty()) {
                    continue;
                }
                Optional<Booking> before = Optional.ofNullable(pending.get(visit.get())).or(() -> booking(tenant, visit.get()));
                Optional<Booking> after = Bookings.after(tenant, before, e);
                if (after.isEmpty()) {
                    continue;
                }
                if (Bookings.books(e)) {
                    Booking wanted = after.get();
                    Map<VisitId, Booking> mine = new HashMap<>(technicianBookings(tenant, wanted.technician()));
                    pending.values().stream().filter(b -> b.technician().equals(wanted.technician()))
                            .forEach(b -> mine.put(b.visit(), b));
                    Optional<Booking> taken = mine.values().stream()
                            .filter(b -> !b.visit().equals(wanted.visit()) && b.status().holdsSlot()
                                    && b.slot().overlaps(wanted.slot()))
                            .findFirst();
                    if (taken.isPresent()) {
                        return Optional.of(Bookings.overlap(wanted, taken.get()));
                    }
                }
                pending.put(visit.get(), after.get());
            }
        }
        return Optional.empty();
    }

    /**
     * Writes a commit's visit events, which {@link #check} allowed; the caller holds the
     * tenant's write lock.
     *
     * @param tenant  the tenant
     * @param changes the commit
     */
    public void apply(TenantId tenant, List<TicketChange> changes) {
        for (TicketChange change : changes) {
            for (TicketEvent e : change.events()) {
                Optional<VisitId> visit = Bookings.visitOf(e);
                if (visit.isEmpty()) {
                    continue;
                }
                Bookings.after(tenant, booking(tenant, visit.get()), e).ifPresent(b -> {
                    byTenant.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>()).put(b.visit(), b);
                    byTechnician.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>())
                            .computeIfAbsent(b.technician(), a -> new ConcurrentHashMap<>()).put(b.visit(), b);
                });
            }
        }
    }

    private Map<VisitId, Booking> technicianBookings(TenantId tenant, AgentId technician) {
        ConcurrentMap<AgentId, ConcurrentMap<VisitId, Booking>> tenantMap = byTechnician.get(tenant);
        if (tenantMap == null) {
            return Map.of();
        }
        return tenantMap.getOrDefault(technician, new ConcurrentHashMap<>());
    }
}
