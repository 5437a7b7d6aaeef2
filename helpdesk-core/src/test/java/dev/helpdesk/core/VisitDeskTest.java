package dev.helpdesk.core;

import static dev.helpdesk.core.FieldFixture.OFFICE;
import static dev.helpdesk.core.FieldFixture.tomAt;
import static dev.helpdesk.core.Fixture.ANA;
import static dev.helpdesk.core.Fixture.CAROL;
import static dev.helpdesk.core.Fixture.DAVE;
import static dev.helpdesk.core.Fixture.ok;
import static dev.helpdesk.core.Fixture.printerBroken;
import static dev.helpdesk.core.Fixture.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.remote.ConsentInvitation;
import dev.helpdesk.core.visit.VisitPolicy;
import dev.helpdesk.core.visit.VisitRequest;
import dev.helpdesk.core.visit.VisitSettings;
import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.notification.Notification;
import dev.helpdesk.spi.notification.Topic;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.remote.ConsentScope;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.visit.Address;
import dev.helpdesk.spi.visit.Visit;
import dev.helpdesk.spi.visit.VisitId;
import dev.helpdesk.spi.visit.VisitSlot;
import dev.helpdesk.spi.visit.VisitStatus;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VisitDeskTest {
    private final FieldFixture x = new FieldFixture();

    private Ticket troubleshooting() {
        return ok(x.f.acme.open(printerBroken(CAROL).category(Category.TROUBLESHOOTING).build(), CAROL));
    }

    @Test
    void a_hardware_ticket_gets_a_visit_that_is_confirmed_rescheduled_and_done() {
        Ticket t = x.f.openedBy(CAROL);
        Visit planned = ok(x.visits.plan(t.id(), tomAt(x.slotIn(24)), ANA));
        assertEquals(VisitStatus.PLANNED, planned.status());
        assertEquals(x.now().plus(Duration.ofHours(8)), planned.dueBy(), "the default target: 8 hours in calendar time");
        assertEquals(VisitStatus.CONFIRMED, ok(x.visits.confirm(t.id(), planned.id(), CAROL)).status());
        VisitSlot later = x.slotIn(48);
        Visit moved = ok(x.visits.reschedule(t.id(), planned.id(), later, "the spare part arrives a day later", ANA));
        assertEquals(VisitStatus.RESCHEDULED, moved.status());
        assertEquals(later, moved.slot());
        assertEquals(1, moved.reschedules());
        assertEquals(List.of("the spare part arrives a day later"), moved.reasons());
        x.f.clock.advance(Duration.ofHours(49));
        Visit done = ok(x.visits.complete(t.id(), planned.id(), "Replaced the fuser unit; test page printed.", ANA));
        assertEquals(VisitStatus.DONE, done.status());
        assertEquals("Replaced the fuser unit; test page printed.", done.report().orElseThrow());
        assertFalse(done.withinTarget());
        assertEquals(List.of("opened", "message_posted", "visit_planned", "visit_confirmed", "visit_rescheduled",
                "visit_done"), x.kinds(t.id()));
    }

    @Test
    void rescheduling_and_cancelling_tell_the_customer_in_their_language() {
        Ticket t = x.f.openedBy(CAROL);
        Visit v = ok(x.visits.plan(t.id(), tomAt(x.slotIn(24)), ANA));
        ok(x.visits.reschedule(t.id(), v.id(), x.slotIn(30), "de monteur is ziek", ANA));
        ok(x.visits.cancel(t.id(), v.id(), "klant heeft het zelf opgelost", ANA));
        List<Notification> toCarol = x.notices.stream().filter(n -> n.topic() == Topic.VISIT).toList();
        assertEquals(2, toCarol.size());
        assertEquals("nl", toCarol.get(0).locale().getLanguage());
        assertTrue(toCarol.get(0).body().contains("is verplaatst naar"), toCarol.get(0).body());
        assertTrue(toCarol.get(0).body().contains("Reden: de monteur is ziek"), toCarol.get(0).body());
        assertTrue(toCarol.get(1).subject().contains("geannuleerd"), toCarol.get(1).subject());

        Ticket ru = x.f.openedBy(DAVE);
        Visit w = ok(x.visits.plan(ru.id(), tomAt(x.slotIn(72)), ANA));
        ok(x.visits.cancel(ru.id(), w.id(), "customer asked", DAVE));
        Notification last = x.notices.get(x.notices.size() - 1);
        assertTrue(last.subject().contains("выезд специалиста отменён"), last.subject());
    }

    @Test
    void the_policy_wants_a_remote_session_first_for_other_categories() {
        Ticket t = troubleshooting();
        Rejection r = rejected(x.visits.plan(t.id(), tomAt(x.slotIn(24)), ANA));
        assertInstanceOf(Rejection.NotAllowed.class, r);
        assertTrue(r.message().contains("only after a remote session"), r.message());
        assertEquals(List.of("opened", "message_posted"), x.kinds(t.id()), "nothing written");

        ConsentInvitation invitation = ok(x.remote.requestConsent(t.id(), "look at the spooler", ConsentScope.VIEW_ONLY,
                Duration.ofMinutes(20), ANA));
        ok(x.remote.answerByLink(invitation.token(), true));
        ok(x.remote.start(t.id(), invitation.consent(), "remote-assist", ANA));
        assertEquals(VisitStatus.PLANNED, ok(x.visits.plan(t.id(), tomAt(x.slotIn(24)), ANA)).status());
    }

    @Test
    void a_host_policy_replaces_the_default() {
        FieldFixture strict = new FieldFixture(b -> b.visits(VisitSettings.builder()
                .policy((ticket, sessions) -> java.util.Optional.of("visits are suspended this week")).build()));
        Ticket t = strict.f.openedBy(CAROL);
        assertTrue(rejected(strict.visits.plan(t.id(), tomAt(strict.slotIn(24)), ANA)).message().contains("suspended"));
        FieldFixture open = new FieldFixture(b -> b.visits(VisitSettings.builder().policy(VisitPolicy.always()).build()));
        Ticket u = ok(open.f.acme.open(printerBroken(CAROL).category(Category.BILLING).build(), CAROL));
        ok(open.visits.plan(u.id(), tomAt(open.slotIn(24)), ANA));
    }

    @Test
    void the_visit_target_counts_in_the_tenants_business_calendar() {
        BusinessCalendar nineToFive = BusinessCalendar.builder().id("office").zone("Europe/Amsterdam")
                .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00", "17:00").build();
        FieldFixture y = new FieldFixture(b -> b.visits(VisitSettings.builder().calendar(nineToFive).build()));
        // Friday 2026-03-06 16:00 Amsterdam: one business hour left today, seven on Monday
        y.f.clock.set(Instant.parse("2026-03-06T15:00:00Z"));
        Ticket t = y.f.openedBy(CAROL);
        Visit v = ok(y.visits.plan(t.id(), tomAt(y.slotIn(70)), ANA));
        assertEquals(Instant.parse("2026-03-09T15:00:00Z"), v.dueBy());
        assertEquals(DayOfWeek.MONDAY, v.dueBy().atZone(ZoneId.of("Europe/Amsterdam")).getDayOfWeek());
        assertTrue(v.withinTarget(), "the slot, Monday 14:00 local, starts before the target");
    }

    @Test
    void overlapping_visits_of_one_technician_are_refused_across_tickets_and_nothing_is_written() {
        Ticket a = x.f.openedBy(CAROL);
        Ticket b = x.f.openedBy(DAVE);
        Visit first = ok(x.visits.plan(a.id(), tomAt(x.slotIn(24)), ANA));
        VisitSlot overlapping = new VisitSlot(first.slot().start().plus(Duration.ofHours(1)),
                first.slot().end().plus(Duration.ofHours(1)));
        Rejection r = rejected(x.visits.plan(b.id(), tomAt(overlapping), ANA));
        assertTrue(((Rejection.Invalid) r).names("slot"), r.message());
        assertTrue(r.message().contains(first.id().toString()), r.message());
        assertEquals(List.of("opened", "message_posted"), x.kinds(b.id()));
        // touching slots are fine, and so is another technician at the same time
        ok(x.visits.plan(b.id(), tomAt(VisitSlot.of(first.slot().end(), Duration.ofHours(1))), ANA));
        // a reschedule onto a taken slot is refused too
        Visit second = ok(x.visits.visits(b.id(), ANA)).get(0);
        Rejection moved = rejected(x.visits.reschedule(b.id(), second.id(), first.slot(), "earlier please", ANA));
        assertTrue(((Rejection.Invalid) moved).names("slot"), moved.message());
        // once cancelled, the slot is free again
        ok(x.visits.cancel(a.id(), first.id(), "not needed", ANA));
        ok(x.visits.reschedule(b.id(), second.id(), first.slot(), "earlier please", ANA));
        assertEquals(1, ok(x.visits.schedule(AgentId.of("tom"), first.slot())).size());
    }

    @Test
    void the_technician_must_be_known_skilled_and_cover_the_region() {
        Ticket t = x.f.openedBy(CAROL);
        assertEquals(new Rejection.NotFound("technician", "zed"),
                rejected(x.visits.plan(t.id(), new VisitRequest(AgentId.of("zed"), null, null, OFFICE, x.slotIn(24)), ANA)));
        Rejection.Invalid uma = (Rejection.Invalid) rejected(x.visits.plan(t.id(),
                new VisitRequest(AgentId.of("uma"), "printers", "north", OFFICE, x.slotIn(24)), ANA));
        assertEquals(2, uma.errors().size(), uma.message());
        assertTrue(uma.message().contains("lacks the skill 'printers'") && uma.message().contains("region 'north'"));
    }

    @Test
    void bad_input_is_named_field_by_field() {
        Ticket t = x.f.openedBy(CAROL);
        Address bad = Address.builder().street("").postalCode("x".repeat(40)).city("Line\nbreak").country("nl").build();
        Instant now = x.now();
        Rejection.Invalid r = (Rejection.Invalid) rejected(x.visits.plan(t.id(),
                new VisitRequest(null, "bad skill!", null, bad, new VisitSlot(now.plusSeconds(60), now)), ANA));
        for (String field : List.of("technician", "skill", "slot", "address.street", "address.postalCode", "address.city",
                "address.country")) {
            assertTrue(r.names(field), field + " in " + r.message());
        }
        assertTrue(((Rejection.Invalid) rejected(x.visits.plan(t.id(), tomAt(VisitSlot.of(now.plusSeconds(60),
                Duration.ofHours(9))), ANA))).names("slot"));
        assertTrue(((Rejection.Invalid) rejected(x.visits.plan(t.id(), tomAt(VisitSlot.of(now.minusSeconds(60),
                Duration.ofHours(1))), ANA))).names("slot"));
        assertInstanceOf(Rejection.NotAllowed.class, rejected(x.visits.plan(t.id(), tomAt(x.slotIn(24)), CAROL)));
        VisitId unknown = VisitId.of(UUID.randomUUID());
        assertEquals(new Rejection.NotFound("visit", unknown.toString()), rejected(x.visits.confirm(t.id(), unknown, ANA)));
        assertEquals(List.of("opened", "message_posted"), x.kinds(t.id()));
    }

    @Test
    void final_states_take_no_more_changes() {
        Ticket t = x.f.openedBy(CAROL);
        Visit v = ok(x.visits.plan(t.id(), tomAt(x.slotIn(24)), ANA));
        ok(x.visits.cancel(t.id(), v.id(), "not needed", CAROL));
        assertInstanceOf(Rejection.InvalidTransition.class, rejected(x.visits.confirm(t.id(), v.id(), CAROL)));
        assertInstanceOf(Rejection.InvalidTransition.class,
                rejected(x.visits.reschedule(t.id(), v.id(), x.slotIn(30), "again", ANA)));
        assertInstanceOf(Rejection.InvalidTransition.class, rejected(x.visits.complete(t.id(), v.id(), "report", ANA)));
    }
}
