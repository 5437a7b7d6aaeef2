package dev.helpdesk.core;

import static dev.helpdesk.core.Fixture.ACME;
import static dev.helpdesk.core.Fixture.ANA;
import static dev.helpdesk.core.Fixture.CAROL;
import static dev.helpdesk.core.Fixture.ok;
import static dev.helpdesk.core.Fixture.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.phone.CallReport;
import dev.helpdesk.core.phone.IncomingCall;
import dev.helpdesk.core.phone.PhoneSettings;
import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.calendar.CalendarId;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.phone.CallOutcome;
import dev.helpdesk.spi.phone.PhoneCall;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.sla.ClockState;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.sla.SlaTarget;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketQuery;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hotline: calls become logged tickets; a callback is a ticket with its own target. */
class PhoneDeskTest {
    static final CalendarId OFFICE = CalendarId.of("hotline");
    static final BusinessCalendar HOURS = BusinessCalendar.builder().id(OFFICE).zone(ZoneId.of("Europe/Amsterdam"))
            .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00", "17:00").build();
    static final String CAROLS_NUMBER = "+31205550100";

    // Monday 2 March 2026, 10:00 in Amsterdam
    private final Fixture f = new Fixture(b -> b.calendars(List.of(HOURS))
            .slaPolicies(SlaPolicy.builder("default").firstResponse(SlaTarget.businessHours(8, OFFICE)).build())
            .phone(PhoneSettings.builder().hours(HOURS).directory(new PhoneBook().with(CAROLS_NUMBER, "carol"))
                    .callbackTarget(SlaTarget.businessTime(Duration.ofHours(2), OFFICE)).build()));
    private final PhoneDesk phone = f.desk.tenant(ACME).phone();

    private CallReport report(CallOutcome outcome) {
        return CallReport.of("+31 20 555 0100", f.clock.instant().minus(Duration.ofMinutes(7)), Duration.ofMinutes(6),
                outcome, "Printer shows error E42; walked through the reset.", Category.HARDWARE);
    }

    private Ticket ticketOf(PhoneCall call) {
        return ok(f.acme.get(call.ticket(), ANA));
    }

    private int tickets() {
        return ok(f.acme.list(TicketQuery.all(), PageRequest.first(100), ANA)).items().size();
    }

    @Test
    void a_call_solved_on_the_phone_is_logged_with_a_solved_ticket_of_the_agent() {
        PhoneCall call = ok(phone.logCall(report(CallOutcome.SOLVED_ON_CALL), ANA));

        Ticket t = ticketOf(call);
        assertEquals(CallOutcome.SOLVED_ON_CALL, call.outcome());
        assertEquals(CustomerId.of("carol"), call.customer());
        assertEquals(AgentId.of("ana"), call.agent().orElseThrow());
        assertEquals(Duration.ofMinutes(6), call.duration());
        assertEquals(Status.SOLVED, t.status());
        assertEquals(Channel.PHONE, t.channel());
        assertEquals(AgentId.of("ana"), t.assignee().orElseThrow());
        assertEquals(List.of(call), phone.callsOf(t.id()));
    }

    @Test
    void a_call_that_needs_more_work_leaves_its_ticket_open() {
        PhoneCall call = ok(phone.logCall(report(CallOutcome.TICKET_OPENED), ANA));

        Ticket t = ticketOf(call);
        assertEquals(Status.NEW, t.status());
        assertEquals(Category.HARDWARE, t.category());
        assertEquals(CustomerId.of("carol"), t.requester());
    }

    @Test
    void a_promised_callback_is_a_ticket_in_the_callback_category_due_by_its_own_target() {
        PhoneCall call = ok(phone.logCall(report(CallOutcome.CALLBACK_PROMISED), ANA));

        Ticket t = ticketOf(call);
        assertEquals(PhoneSettings.CALLBACK, t.category());
        ClockState first = ok(f.desk.tenant(ACME).sla().clocks(t.id(), ANA)).stream()
                .filter(c -> c.kind() == ClockKind.FIRST_RESPONSE).findFirst().orElseThrow();
        assertEquals("callback", first.policy());
        assertEquals(f.clock.instant().plus(Duration.ofHours(2)), first.dueAt());
    }

    @Test
    void a_call_within_the_hotline_hours_rings_through_and_writes_nothing() {
        IncomingCall incoming = ok(phone.ring("+31 20 555 0100"));

        assertTrue(incoming.answerable());
        assertEquals(CustomerId.of("carol"), incoming.customer());
        assertEquals(0, tickets());
    }

    @Test
    void a_call_outside_the_hotline_hours_leaves_a_callback_request_due_at_the_next_opening_plus_its_target() {
        f.clock.set(Instant.parse("2026-03-02T19:30:00Z"));
        assertTrue(!phone.isOpen());

        IncomingCall incoming = ok(phone.ring("+31 20 555 0100"));

        PhoneCall call = incoming.callback().orElseThrow();
        assertEquals(CallOutcome.CALLBACK_PROMISED, call.outcome());
        assertTrue(call.agent().isEmpty());
        assertEquals(Duration.ZERO, call.duration());
        Ticket t = ticketOf(call);
        assertEquals(PhoneSettings.CALLBACK, t.category());
        ClockState first = ok(f.desk.tenant(ACME).sla().clocks(t.id(), ANA)).stream()
                .filter(c -> c.kind() == ClockKind.FIRST_RESPONSE).findFirst().orElseThrow();
        // Tuesday 09:00 Amsterdam (08:00 UTC) is the next opening; two business hours later
        assertEquals(Instant.parse("2026-03-03T10:00:00Z"), first.dueAt());
    }

    @Test
    void a_bad_report_is_refused_naming_every_bad_part_and_writes_nothing() {
        CallReport bad = new CallReport("call me", f.clock.instant().plus(Duration.ofHours(1)), Duration.ofHours(25),
                null, null, " ", null, null);

        Rejection.Invalid r = assertInstanceOf(Rejection.Invalid.class, rejected(phone.logCall(bad, ANA)));

        for (String field : List.of("caller", "startedAt", "duration", "outcome", "summary", "category")) {
            assertTrue(r.names(field), field + " in " + r.message());
        }
        assertEquals(0, tickets());
        assertEquals(List.of(), ok(phone.calls(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 10)));
    }

    @Test
    void an_unknown_number_is_refused_naming_the_caller() {
        Rejection r = rejected(phone.ring("+44 20 7946 0000"));

        assertTrue(assertInstanceOf(Rejection.Invalid.class, r).names("caller"));
        assertEquals(0, tickets());
    }

    @Test
    void only_an_agent_logs_a_call() {
        assertInstanceOf(Rejection.NotAllowed.class, rejected(phone.logCall(report(CallOutcome.TICKET_OPENED), CAROL)));
        assertEquals(0, tickets());
    }

    @Test
    void calls_are_listed_by_period_oldest_first() {
        PhoneCall first = ok(phone.logCall(report(CallOutcome.TICKET_OPENED), ANA));
        f.clock.advance(Duration.ofMinutes(30));
        PhoneCall second = ok(phone.logCall(report(CallOutcome.SOLVED_ON_CALL), ANA));

        assertEquals(List.of(first, second), ok(phone.calls(first.startedAt(), second.startedAt().plusSeconds(1), 10)));
        assertEquals(List.of(first), ok(phone.calls(first.startedAt(), second.startedAt(), 10)));
        assertEquals(first, ok(phone.call(first.id())));
    }

    @Test
    void a_report_sent_twice_under_one_key_logs_one_call_and_one_ticket() {
        dev.helpdesk.spi.idempotency.IdempotencyKey key = dev.helpdesk.spi.idempotency.IdempotencyKey.of("pbx-call-77");
        CallReport report = report(CallOutcome.SOLVED_ON_CALL);

        PhoneCall first = ok(phone.logCall(key, report, ANA));
        PhoneCall again = ok(phone.logCall(key, report, ANA));

        assertEquals(first, again);
        assertEquals(CallOutcome.SOLVED_ON_CALL, again.outcome());
        assertEquals(1, tickets());
        assertEquals(List.of(first), ok(phone.calls(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 10)));
        assertTrue(assertInstanceOf(Rejection.Invalid.class, rejected(phone.logCall(key,
                report(CallOutcome.TICKET_OPENED), ANA))).names("idempotencyKey"));
    }
}
