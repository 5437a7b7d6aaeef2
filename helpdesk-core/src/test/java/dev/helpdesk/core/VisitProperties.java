package dev.helpdesk.core;

import static dev.helpdesk.core.FieldFixture.OFFICE;
import static dev.helpdesk.core.Fixture.ANA;
import static dev.helpdesk.core.Fixture.CAROL;
import static dev.helpdesk.core.Fixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.ticket.FieldRecord;
import dev.helpdesk.core.visit.VisitRequest;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.visit.Visit;
import dev.helpdesk.spi.visit.VisitSlot;
import dev.helpdesk.spi.visit.booking.Booking;
import dev.helpdesk.spi.visit.booking.VisitBookings;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The invariant of visits: whatever is planned, rescheduled, cancelled or done on whichever
 * tickets, no technician ever holds two overlapping slots, every refusal of a slot names
 * {@code slot} (an overlap, or a reschedule to the same slot), and the store's bookings equal
 * what the tickets' histories tell (so a refused command wrote nothing).
 */
class VisitProperties {

    /** One step: what (0 plan, 1 reschedule, 2 cancel, 3 done), on which ticket or visit, which technician, when. */
    record Step(int kind, int pick, int technician, int startHour, int hours) {
    }

    @Provide
    Arbitrary<List<Step>> days() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(0, 1), Arbitraries.integers().between(1, 30),
                Arbitraries.integers().between(1, 4)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 200)
    void no_technician_ever_holds_two_overlapping_slots(@ForAll("days") List<Step> day) {
        FieldFixture x = new FieldFixture();
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tickets.add(x.f.openedBy(CAROL));
        }
        List<Visit> visits = new ArrayList<>();
        List<Ticket> visitTickets = new ArrayList<>();
        String[] technicians = {"tom", "uma"};
        String[] skills = {"printers", "networks"};
        String[] regions = {"north", "south"};
        Instant base = x.now();
        for (Step s : day) {
            VisitSlot slot = VisitSlot.of(base.plus(Duration.ofHours(s.startHour())), Duration.ofHours(s.hours()));
            Either<Rejection, Visit> result;
            if (s.kind() == 0 || visits.isEmpty()) {
                Ticket t = tickets.get(s.pick() % tickets.size());
                int who = s.technician();
                result = x.visits.plan(t.id(), new VisitRequest(AgentId.of(technicians[who]), skills[who], regions[who],
                        OFFICE, slot), ANA);
                if (result.isRight()) {
                    visits.add(result.get());
                    visitTickets.add(t);
                }
            } else {
                int i = s.pick() % visits.size();
                Ticket t = visitTickets.get(i);
                Visit v = visits.get(i);
                result = switch (s.kind()) {
                    case 1 -> x.visits.reschedule(t.id(), v.id(), slot, "moved", ANA);
                    case 2 -> x.visits.cancel(t.id(), v.id(), "not needed", ANA);
                    default -> x.visits.complete(t.id(), v.id(), "done", ANA);
                };
            }
            if (result.isLeft() && result.getLeft() instanceof Rejection.Invalid invalid) {
                assertTrue(invalid.names("slot") && (invalid.message().contains("is booked for visit")
                        || invalid.message().contains("is the visit's slot already")), invalid.message());
            }
        }
        VisitBookings store = x.store;
        List<Booking> all = new ArrayList<>();
        for (String tech : technicians) {
            List<Booking> held = store.bookings(Fixture.ACME, AgentId.of(tech), VisitSlot.of(base, Duration.ofDays(3)));
            for (int i = 0; i < held.size(); i++) {
                for (int j = i + 1; j < held.size(); j++) {
                    assertFalse(held.get(i).slot().overlaps(held.get(j).slot()), held.get(i) + " and " + held.get(j));
                }
            }
            all.addAll(held);
        }
        // the bookings are what the tickets' histories tell
        List<Visit> told = new ArrayList<>();
        for (Ticket t : tickets) {
            told.addAll(FieldRecord.of(ok(x.f.acme.history(t.id(), ANA)).stream().map(RecordedEvent::event).toList()).visits());
        }
        for (Visit v : told) {
            Booking b = store.booking(Fixture.ACME, v.id()).orElseThrow();
            assertEquals(v.slot(), b.slot());
            assertEquals(v.status(), b.status());
            assertEquals(v.technician(), b.technician());
        }
        assertEquals(told.stream().filter(v -> v.status().holdsSlot()).count(), all.size());
    }
}
