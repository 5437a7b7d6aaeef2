package dev.helpdesk.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.remote.ConsentId;
import dev.helpdesk.spi.remote.ConsentRoute;
import dev.helpdesk.spi.remote.ConsentScope;
import dev.helpdesk.spi.remote.RemoteSessionId;
import dev.helpdesk.spi.remote.SessionEnd;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.spi.visit.Address;
import dev.helpdesk.spi.visit.VisitId;
import dev.helpdesk.spi.visit.VisitSlot;
import dev.helpdesk.spi.visit.VisitStatus;
import dev.helpdesk.spi.visit.booking.Booking;
import dev.helpdesk.spi.visit.booking.VisitBookings;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link VisitBookings}: a store keeps a technician's booking for every visit
 * whose events it commits, in the same atomic write, and refuses a commit that would book a
 * technician twice at once (also when several commits race for one slot), writing nothing of
 * it. It also checks that the events of remote sessions and visits read back exactly as written.
 * A store that supports on-site visits subclasses this suite beside {@link TicketStoreContract}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class VisitBookingContract {
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final Instant T0 = Instant.parse("2026-03-02T12:00:00Z");
    private static final AgentId TOM = AgentId.of("tech-tom");
    private static final AgentId UMA = AgentId.of("tech-uma");
    private static final Address OFFICE = Address.builder().street("Keizersgracht 1").postalCode("1015 CJ")
            .city("Amsterdam").country("NL").notes("third floor; ring twice").build();

    private TicketStore store;
    private VisitBookings bookings;
    private final AtomicLong numbers = new AtomicLong();
    private final AtomicLong ids = new AtomicLong();

    /** Creates the suite. */
    protected VisitBookingContract() {
    }

    /**
     * Makes the store under test, once per test.
     *
     * @return a store that also implements {@link VisitBookings}, holding nothing of any tenant
     */
    protected abstract TicketStore createStore();

    /**
     * How many threads race for one technician's slot.
     *
     * @return 8 by default
     */
    protected int racers() {
        return 8;
    }

    @BeforeEach
    final void freshStore() {
        store = createStore();
        bookings = (VisitBookings) store;
        numbers.set(0);
    }

    @Test
    void a_planned_visit_is_booked_in_the_commit_of_its_events() {
        VisitSlot slot = slot(24, 2);
        VisitId visit = newVisit();
        Ticket t = accepted(store.commit(ACME, opening(ACME).event(planned(visit, TOM, slot)).build()));

        Booking b = bookings.booking(ACME, visit).orElseThrow();
        assertEquals(new Booking(ACME, visit, t.id(), TOM, slot, VisitStatus.PLANNED), b);
        assertEquals(List.of(b), bookings.bookings(ACME, TOM, slot(0, 100)));
        assertEquals(List.of(), bookings.bookings(ACME, UMA, slot(0, 100)));
        assertEquals(Optional.empty(), bookings.booking(GLOBEX, visit));
    }

    @Test
    void the_booking_follows_confirmation_reschedule_and_done() {
        VisitId visit = newVisit();
        Ticket t = accepted(store.commit(ACME, opening(ACME).event(planned(visit, TOM, slot(24, 2))).build()));
        t = accepted(store.commit(ACME, TicketChangeBuilder.on(t).event((id, at, by) -> new TicketEvent.VisitConfirmed(id, at, by, visit)).build()));
        assertEquals(VisitStatus.CONFIRMED, bookings.booking(ACME, visit).orElseThrow().status());
        VisitSlot later = slot(48, 3);
        t = accepted(store.commit(ACME, TicketChangeBuilder.on(t).event(rescheduled(visit, later)).build()));
        Booking moved = bookings.booking(ACME, visit).orElseThrow();
        assertEquals(later, moved.slot());
        assertEquals(VisitStatus.RESCHEDULED, moved.status());
        accepted(store.commit(ACME, TicketChangeBuilder.on(t)
                .event((id, at, by) -> new TicketEvent.VisitDone(id, at, by, visit, "fixed")).build()));
        assertEquals(VisitStatus.DONE, bookings.booking(ACME, visit).orElseThrow().status());
        assertEquals(List.of(), bookings.bookings(ACME, TOM, slot(0, 100)), "a done visit holds no slot");
    }

    @Test
    void an_overlapping_visit_on_another_ticket_is_refused_and_nothing_of_the_commit_is_written() {
        VisitId first = newVisit();
        accepted(store.commit(ACME, opening(ACME).event(planned(first, TOM, slot(24, 2))).build()));
        Ticket other = accepted(store.commit(ACME, opening(ACME).build()));
        VisitId second = newVisit();

        Rejection refused = store.commit(ACME, TicketChangeBuilder.on(other).event(planned(second, TOM, slot(25, 2))).build())
                .getLeft();

        assertTrue(assertInstanceOf(Rejection.Invalid.class, refused).names("slot"), refused.message());
        assertTrue(refused.message().contains(first.toString()), refused.message());
        assertEquals(other, store.find(ACME, other.id()).get());
        assertEquals(other.version(), store.history(ACME, other.id()).size());
        assertEquals(Optional.empty(), bookings.booking(ACME, second));
    }

    @Test
    void a_refused_booking_in_a_two_ticket_commit_writes_neither_ticket() {
        accepted(store.commit(ACME, opening(ACME).event(planned(newVisit(), TOM, slot(24, 2))).build()));
        Ticket a = accepted(store.commit(ACME, opening(ACME).build()));
        Ticket b = accepted(store.commit(ACME, opening(ACME).build()));
        VisitId free = newVisit();

        Either<Rejection, List<Ticket>> result = store.commit(ACME, List.of(
                TicketChangeBuilder.on(a).event(planned(free, UMA, slot(24, 2))).build(),
                TicketChangeBuilder.on(b).event(planned(newVisit(), TOM, slot(23, 2))).build()));

        assertInstanceOf(Rejection.Invalid.class, result.getLeft());
        assertEquals(a, store.find(ACME, a.id()).get());
        assertEquals(b, store.find(ACME, b.id()).get());
        assertEquals(Optional.empty(), bookings.booking(ACME, free));
    }

    @Test
    void touching_slots_other_technicians_other_tenants_and_freed_slots_do_not_clash() {
        VisitId first = newVisit();
        Ticket t = accepted(store.commit(ACME, opening(ACME).event(planned(first, TOM, slot(24, 2))).build()));
        accepted(store.commit(ACME, opening(ACME).event(planned(newVisit(), TOM, slot(26, 1))).build()));
        accepted(store.commit(ACME, opening(ACME).event(planned(newVisit(), UMA, slot(24, 2))).build()));
        accepted(store.commit(GLOBEX, opening(GLOBEX).event(planned(newVisit(), TOM, slot(24, 2))).build()));
        assertInstanceOf(Rejection.Invalid.class,
                store.commit(ACME, opening(ACME).event(planned(newVisit(), TOM, slot(25, 1))).build()).getLeft());

        accepted(store.commit(ACME, TicketChangeBuilder.on(t)
                .event((id, at, by) -> new TicketEvent.VisitCancelled(id, at, by, first, "not needed")).build()));
        accepted(store.commit(ACME, opening(ACME).event(planned(newVisit(), TOM, slot(25, 1))).build()));
        assertEquals(2, bookings.bookings(ACME, TOM, slot(0, 100)).size());
    }

    @Test
    void rescheduling_onto_a_taken_slot_is_refused_and_onto_its_own_slot_is_not() {
        VisitId first = newVisit();
        VisitId second = newVisit();
        accepted(store.commit(ACME, opening(ACME).event(planned(first, TOM, slot(24, 2))).build()));
        Ticket t = accepted(store.commit(ACME, opening(ACME).event(planned(second, TOM, slot(30, 2))).build()));
        assertInstanceOf(Rejection.Invalid.class,
                store.commit(ACME, TicketChangeBuilder.on(t).event(rescheduled(second, slot(25, 2))).build()).getLeft());
        assertEquals(slot(30, 2), bookings.booking(ACME, second).orElseThrow().slot());
        accepted(store.commit(ACME, TicketChangeBuilder.on(t).event(rescheduled(second, slot(31, 2))).build()));
    }

    @Test
    void racers_for_one_technicians_slot_let_exactly_one_win_in_every_round() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers());
        try {
            for (int round = 0; round < 5; round++) {
                List<TicketChange> changes = new ArrayList<>();
                for (int i = 0; i < racers(); i++) {
                    Ticket t = accepted(store.commit(ACME, opening(ACME).build()));
                    // every racer's slot overlaps every other's: one hour, starting a few minutes apart
                    VisitSlot slot = VisitSlot.of(T0.plus(Duration.ofDays(round + 1)).plus(Duration.ofMinutes(i)),
                            Duration.ofHours(1));
                    changes.add(TicketChangeBuilder.on(t).event(planned(newVisit(), TOM, slot)).build());
                }
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Either<Rejection, Ticket>>> results = new ArrayList<>();
                for (TicketChange change : changes) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return store.commit(ACME, change);
                    }));
                }
                start.countDown();
                int won = 0;
                for (Future<Either<Rejection, Ticket>> f : results) {
                    Either<Rejection, Ticket> result = f.get(120, TimeUnit.SECONDS);
                    if (result.isRight()) {
                        won++;
                    } else {
                        assertTrue(assertInstanceOf(Rejection.Invalid.class, result.getLeft()).names("slot"));
                    }
                }
                assertEquals(1, won, "round " + round);
                VisitSlot day = VisitSlot.of(T0.plus(Duration.ofDays(round + 1)), Duration.ofHours(3));
                assertEquals(1, bookings.bookings(ACME, TOM, day).size(), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void remote_session_and_visit_events_read_back_exactly_as_written() {
        ConsentId consent = ConsentId.of(new UUID(7, ids.incrementAndGet()));
        RemoteSessionId session = RemoteSessionId.of(new UUID(8, ids.incrementAndGet()));
        VisitId visit = newVisit();
        Actor customer = Actor.customer(TicketChangeBuilder.DEFAULT_REQUESTER.value());
        Instant odd = T0.plusNanos(123_456_789);
        TicketChange change = opening(ACME)
                .event((id, at, by) -> new TicketEvent.ConsentRequested(id, at, by, consent, "check the driver; it's 'odd'",
                        ConsentScope.CONTROL, Duration.ofMinutes(45), odd.plus(Duration.ofHours(24))))
                .by(customer)
                .event((id, at, by) -> new TicketEvent.ConsentGranted(id, at, by, consent, ConsentRoute.LINK))
                .event((id, at, by) -> new TicketEvent.ConsentDenied(id, at, by, consent, ConsentRoute.PORTAL))
                .by(new Actor.Agent(TicketChangeBuilder.DEFAULT_AGENT))
                .event((id, at, by) -> new TicketEvent.RemoteSessionStarted(id, at, by, session, consent,
                        TicketChangeBuilder.DEFAULT_AGENT, "remote-assist"))
                .event((id, at, by) -> new TicketEvent.RemoteActionRecorded(id, at, by, session, "restarted the spooler ✓"))
                .event((id, at, by) -> new TicketEvent.ConsentRevoked(id, at, by, consent))
                .event((id, at, by) -> new TicketEvent.RemoteSessionEnded(id, at, by, session, SessionEnd.CONSENT_REVOKED))
                .event(planned(visit, TOM, new VisitSlot(odd.plus(Duration.ofDays(1)), odd.plus(Duration.ofDays(1)).plusSeconds(5400)),
                        Address.builder().street("Straße 1").postalCode("10115").city("Berlin").country("DE").build()))
                .event((id, at, by) -> new TicketEvent.VisitConfirmed(id, at, by, visit))
                .event(rescheduled(visit, slot(50, 1)))
                .event((id, at, by) -> new TicketEvent.VisitCancelled(id, at, by, visit, "customer solved it"))
                .event((id, at, by) -> new TicketEvent.VisitDone(id, at, by, visit, "report\nline two"))
                .build();
        Ticket t = accepted(store.commit(ACME, change));

        List<TicketEvent> read = store.history(ACME, t.id()).stream().map(RecordedEvent::event).toList();
        assertEquals(change.events(), read);
    }

    private TicketChangeBuilder opening(TenantId tenant) {
        return TicketChangeBuilder.open(tenant, TicketNumber.of(numbers.incrementAndGet()), T0);
    }

    private VisitId newVisit() {
        return VisitId.of(new UUID(9, ids.incrementAndGet()));
    }

    private static VisitSlot slot(int fromHours, int hours) {
        return VisitSlot.of(T0.plus(Duration.ofHours(fromHours)), Duration.ofHours(hours));
    }

    private static TicketChangeBuilder.EventMaker planned(VisitId visit, AgentId technician, VisitSlot slot) {
        return planned(visit, technician, slot, OFFICE);
    }

    private static TicketChangeBuilder.EventMaker planned(VisitId visit, AgentId technician, VisitSlot slot, Address address) {
        return (id, at, by) -> new TicketEvent.VisitPlanned(id, at, by, visit, technician, address, slot,
                T0.plus(Duration.ofHours(8)));
    }

    private static TicketChangeBuilder.EventMaker rescheduled(VisitId visit, VisitSlot slot) {
        return (id, at, by) -> new TicketEvent.VisitRescheduled(id, at, by, visit, slot, "technician ill");
    }

    private static <T> T accepted(Either<Rejection, T> result) {
        if (result.isLeft()) {
            fail("expected the store to accept, got: " + result.getLeft().message());
        }
        return result.get();
    }
}
