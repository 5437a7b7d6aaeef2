package dev.helpdesk.core;

import static dev.helpdesk.core.Fixture.ANA;
import static dev.helpdesk.core.Fixture.CAROL;
import static dev.helpdesk.core.Fixture.ok;
import static dev.helpdesk.core.Fixture.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.memory.InMemoryTicketStore;
import dev.helpdesk.core.time.SettableClock;
import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.calendar.CalendarId;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.sla.ClockState;
import dev.helpdesk.spi.sla.ClockStatus;
import dev.helpdesk.spi.sla.SlaConfiguration;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.sla.SlaTarget;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** SLA through the facade: stored deadlines, the due run's warnings and breaches, the clocks view, live reconfiguration. */
class SlaDeskTest {
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final CalendarId OFFICE = CalendarId.of("office");
    static final BusinessCalendar OFFICE_HOURS = BusinessCalendar.builder().id(OFFICE).zone(AMSTERDAM)
            .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00", "17:00").build();
    static final SlaPolicy HIGH = SlaPolicy.builder("high").whenPriority(Priority.HIGH, Priority.URGENT)
            .firstResponse(SlaTarget.businessHours(1, OFFICE)).resolution(SlaTarget.businessHours(8, OFFICE))
            .build();
    static final SlaPolicy NORMAL = SlaPolicy.builder("normal")
            .firstResponse(SlaTarget.businessHours(4, OFFICE)).resolution(SlaTarget.businessHours(16, OFFICE))
            .build();

    final InMemoryTicketStore store = new InMemoryTicketStore();
    // the fixture's clock starts on Monday 2 March 2026, 10:00 in Amsterdam
    final Fixture f = new Fixture(b -> b.store(store).calendars(List.of(OFFICE_HOURS)).slaPolicies(HIGH, NORMAL));

    static Instant local(String dateTime) {
        return LocalDateTime.parse("2026-03-" + dateTime).atZone(AMSTERDAM).toInstant();
    }

    List<TicketEvent> slaEvents(TicketId id) {
        List<TicketEvent> out = new ArrayList<>();
        for (RecordedEvent r : ok(f.acme.history(id, ANA))) {
            if (r.event() instanceof TicketEvent.SlaWarning || r.event() instanceof TicketEvent.SlaBreached) {
                out.add(r.event());
            }
        }
        return out;
    }

    static String describe(TicketEvent e) {
        if (e instanceof TicketEvent.SlaWarning w) {
            return w.clock() + " " + w.cycle() + " " + w.thresholdPercent() + "%";
        }
        TicketEvent.SlaBreached b = (TicketEvent.SlaBreached) e;
        return b.clock() + " " + b.cycle() + " breached";
    }

    @Test
    void every_commit_stores_the_next_sla_deadline() {
        Ticket t = f.openedBy(CAROL);
        assertEquals(Optional.of(local("02T13:00")), store.dueAt(Fixture.ACME, t.id()), "75 % of 4 h from 10:00");
        f.clock.set(local("02T11:00"));
        ok(f.acme.assign(t.id(), AgentId.of("ana"), ANA));
        ok(f.acme.reply(t.id(), "We are on it.", Channel.EMAIL, ANA));
        assertEquals(Optional.of(local("03T14:00")), store.dueAt(Fixture.ACME, t.id()),
                "first response met; resolution warns at 12 of 16 h: 7 h on Monday, 5 on Tuesday");
    }

    @Test
    void the_due_run_emits_each_warning_and_the_breach_once() {
        Ticket t = f.openedBy(CAROL);
        for (String time : List.of("02T12:00", "02T13:00", "02T13:00", "02T13:30", "02T13:40", "02T14:00", "02T14:00")) {
            f.clock.set(local(time));
            f.desk.runDue();
        }
        assertEquals(List.of("FIRST_RESPONSE 1 75%", "FIRST_RESPONSE 1 90%"),
                slaEvents(t.id()).stream().map(SlaDeskTest::describe).toList(), "no breach at the due instant itself");
        for (String time : List.of("02T14:01", "02T14:01", "02T16:00")) {
            f.clock.set(local(time));
            f.desk.runDue();
        }
        assertEquals(List.of("FIRST_RESPONSE 1 75%", "FIRST_RESPONSE 1 90%", "FIRST_RESPONSE 1 breached"),
                slaEvents(t.id()).stream().map(SlaDeskTest::describe).toList());
        TicketEvent.SlaBreached breach = (TicketEvent.SlaBreached) slaEvents(t.id()).get(2);
        assertEquals(local("02T14:00"), breach.dueAt());
        assertEquals(local("02T14:01"), breach.at());
        assertEquals(dev.helpdesk.spi.party.Actor.system("sla"), breach.actor());
        assertEquals(Optional.of(local("03T14:00")), store.dueAt(Fixture.ACME, t.id()), "next: resolution at 75 %");
    }

    @Test
    void a_late_due_run_reports_the_breach_without_the_warnings_it_superseded() {
        Ticket t = f.openedBy(CAROL);
        f.clock.set(local("02T15:00"));
        DueRun run = f.desk.runDue();
        assertEquals(new DueRun(1, 1, 1, 0), run);
        assertEquals(List.of("FIRST_RESPONSE 1 breached"), slaEvents(t.id()).stream().map(SlaDeskTest::describe).toList());
    }

    @Test
    void two_desks_sharing_a_store_emit_each_event_once_when_they_run_at_the_same_time() throws Exception {
        SettableClock clock = f.clock;
        Helpdesk other = Helpdesk.builder().store(store).clock(clock).calendars(List.of(OFFICE_HOURS))
                .slaPolicies(HIGH, NORMAL).build();
        List<TicketId> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(f.openedBy(i % 2 == 0 ? CAROL : Fixture.DAVE).id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (String time : List.of("02T13:00", "02T13:40", "02T14:01", "03T14:00", "03T16:30", "04T10:01")) {
                clock.set(local(time));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<DueRun>> runs = new ArrayList<>();
                for (Helpdesk desk : List.of(f.desk, other, f.desk, other)) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        return desk.runDue(local(time));
                    }));
                }
                start.countDown();
                for (Future<DueRun> r : runs) {
                    r.get();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        for (TicketId id : ids) {
            assertEquals(List.of("FIRST_RESPONSE 1 75%", "FIRST_RESPONSE 1 90%", "FIRST_RESPONSE 1 breached",
                    "RESOLUTION 1 75%", "RESOLUTION 1 90%", "RESOLUTION 1 breached"),
                    slaEvents(id).stream().map(SlaDeskTest::describe).toList());
        }
    }

    @Test
    void raising_the_priority_brings_the_deadline_forward() {
        Ticket t = f.openedBy(CAROL);
        f.clock.set(local("02T10:30"));
        ok(f.acme.changePriority(t.id(), Priority.URGENT, ANA));
        assertEquals(Optional.of(local("02T10:45")), store.dueAt(Fixture.ACME, t.id()), "75 % of 1 h from 10:00");
        assertEquals("high", ok(f.desk.tenant(Fixture.ACME).sla().policy(t.id(), ANA)).orElseThrow().name());
    }

    @Test
    void the_clocks_view_shows_every_cycle_as_it_stands_now() {
        Ticket t = f.openedBy(CAROL);
        f.clock.set(local("02T11:00"));
        ok(f.acme.assign(t.id(), AgentId.of("ana"), ANA));
        ok(f.acme.reply(t.id(), "Fixed.", Channel.EMAIL, ANA));
        ok(f.acme.solve(t.id(), ANA));
        f.clock.set(local("02T12:00"));
        ok(f.acme.reply(t.id(), "Still broken.", Channel.EMAIL, CAROL));
        f.clock.set(local("02T13:00"));
        List<ClockState> clocks = ok(f.desk.tenant(Fixture.ACME).sla().clocks(t.id(), ANA));
        assertEquals(List.of("FIRST_RESPONSE 1 ACHIEVED", "RESOLUTION 1 ACHIEVED", "RESOLUTION 2 RUNNING"),
                clocks.stream().map(c -> c.kind() + " " + c.cycle() + " " + c.status()).toList());
        assertEquals(Duration.ofHours(1), clocks.get(2).elapsed());
    }

    @Test
    void customers_do_not_see_sla_clocks_and_other_tenants_do_not_find_the_ticket() {
        Ticket t = f.openedBy(CAROL);
        assertInstanceOf(Rejection.NotAllowed.class, rejected(f.desk.tenant(Fixture.ACME).sla().clocks(t.id(), CAROL)));
        assertInstanceOf(Rejection.NotFound.class, rejected(f.desk.tenant(Fixture.GLOBEX).sla().clocks(t.id(), ANA)));
    }

    @Test
    void replacing_the_configuration_recomputes_open_tickets_without_losing_paused_time() {
        Ticket t = f.openedBy(CAROL);
        f.clock.set(local("02T11:00"));
        ok(f.acme.assign(t.id(), AgentId.of("ana"), ANA));
        ok(f.acme.reply(t.id(), "Please send a photo of the display.", Channel.EMAIL, ANA));
        ok(f.acme.setPending(t.id(), ANA));
        f.clock.set(local("03T10:00"));
        ok(f.acme.reply(t.id(), "Here it is.", Channel.EMAIL, CAROL));
        f.clock.set(local("03T11:00"));
        ClockState before = resolution(t.id());
        assertEquals(Duration.ofHours(7), before.paused(), "Mon 11-17 and Tue 9-10");

        SlaPolicy stricter = NORMAL.toBuilder().resolution(SlaTarget.businessHours(4, OFFICE)).build();
        f.desk.configureSla(SlaConfiguration.of(List.of(OFFICE_HOURS), List.of(HIGH, stricter)));
        ClockState after = resolution(t.id());
        assertEquals(before.paused(), after.paused());
        assertEquals(before.elapsed(), after.elapsed());
        assertEquals(local("03T13:00"), after.dueAt(), "2 h counted (Mon 10-11, Tue 10-11), 2 h left");
        assertEquals(Optional.of(local("04T13:00")), store.dueAt(Fixture.ACME, t.id()),
                "still the old policy's 75 % of 16 h until rescheduled");
        assertEquals(1, f.desk.tenant(Fixture.ACME).sla().reschedule());
        assertEquals(Optional.of(local("03T12:00")), store.dueAt(Fixture.ACME, t.id()), "75 % of 4 h");
    }

    ClockState resolution(TicketId id) {
        return ok(f.desk.tenant(Fixture.ACME).sla().clocks(id, ANA)).stream()
                .filter(c -> c.kind() == ClockKind.RESOLUTION && c.cycle() == 1).findFirst().orElseThrow();
    }

    @Test
    void a_breach_of_a_solved_ticket_comes_before_its_automatic_close() {
        Fixture quick = new Fixture(b -> b.store(new InMemoryTicketStore()).calendars(List.of(OFFICE_HOURS))
                .slaPolicies(NORMAL).autoCloseAfter(Duration.ofHours(1)));
        Ticket t = quick.openedBy(CAROL);
        quick.clock.set(local("02T15:00"));
        ok(quick.acme.assign(t.id(), AgentId.of("ana"), ANA));
        ok(quick.acme.reply(t.id(), "Done, sorry for the wait.", Channel.EMAIL, ANA));
        ok(quick.acme.solve(t.id(), ANA));
        quick.clock.set(local("02T16:00"));
        quick.desk.runDue();
        List<String> kinds = ok(quick.acme.history(t.id(), ANA)).stream().map(r -> r.event().kind()).toList();
        assertEquals(List.of("sla_breached", "closed"), kinds.subList(kinds.size() - 2, kinds.size()));
        assertEquals(ClockStatus.BREACHED, ok(quick.desk.tenant(Fixture.ACME).sla().clocks(t.id(), ANA)).get(0).status());
    }

    @Test
    void a_desk_with_policies_that_name_an_unknown_calendar_does_not_build() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> Helpdesk.builder().slaPolicies(NORMAL).build());
        assertTrue(e.getMessage().contains("policies[0].targets.FIRST_RESPONSE names no known calendar: office"),
                e.getMessage());
    }

    @Test
    void without_policies_a_ticket_has_no_clocks_and_only_its_automatic_close_is_scheduled() {
        Fixture plain = new Fixture();
        Ticket t = plain.openedBy(CAROL);
        assertEquals(List.of(), ok(plain.desk.tenant(Fixture.ACME).sla().clocks(t.id(), ANA)));
        assertEquals(SlaConfiguration.NONE, plain.desk.slaConfiguration());
    }
}
