package dev.helpdesk.core;

import dev.helpdesk.core.memory.InMemoryTicketStore;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.core.time.SettableClock;
import dev.helpdesk.core.time.TimeOrderedIdGenerator;
import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.calendar.CalendarId;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.sla.SlaConfiguration;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.sla.SlaTarget;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random SLA scenarios for the properties: random policies over an office calendar and real
 * time, and random steps on a few tickets of one desk, with a second desk on the same store
 * that runs due work too.
 */
final class SlaScenario {
    static final TenantId ACME = TenantId.of("acme");
    static final CalendarId OFFICE = CalendarId.of("office");
    static final BusinessCalendar OFFICE_HOURS = BusinessCalendar.builder().id(OFFICE).zone(ZoneId.of("Europe/Amsterdam"))
            .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00", "17:00")
            .holiday(java.time.LocalDate.of(2026, 3, 6)).build();
    static final Actor ANA = Actor.agent("ana");
    static final Actor CAROL = Actor.customer("carol");
    static final Actor MAILER = Actor.integration("mail-gateway");

    /** One step: what happens, to which ticket, after how many minutes. */
    record Step(int kind, int ticket, int arg, int minutes) {
    }

    static Arbitrary<Step> steps() {
        Arbitrary<Integer> minutes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(0, 90)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(90, 900)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(900, 4 * 24 * 60)));
        return Combinators.combine(Arbitraries.integers().between(0, 16), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 3), minutes).as(Step::new);
    }

    static Arbitrary<SlaTarget> targets() {
        Arbitrary<Duration> amount = Arbitraries.integers().between(10, 24 * 60).map(m -> Duration.ofMinutes(m));
        return Combinators.combine(amount, Arbitraries.integers().between(0, 9))
                .as((a, basis) -> basis < 7 ? SlaTarget.businessTime(a, OFFICE) : SlaTarget.calendarTime(a));
    }

    static Arbitrary<SlaPolicy> policies(String name, boolean forHighPriority) {
        Arbitrary<SlaTarget> maybe = targets().injectNull(0.2);
        return Combinators.combine(maybe, maybe, maybe, maybe, Arbitraries.subsetOf(Status.PENDING, Status.ON_HOLD),
                Arbitraries.subsetOf(50, 75, 90)).as((fr, nr, pu, res, pauses, warns) -> {
                    SlaPolicy.Builder b = SlaPolicy.builder(name).pauseStatuses(pauses)
                            .warnAt(warns.stream().mapToInt(Integer::intValue).toArray());
                    if (forHighPriority) {
                        b.whenPriority(Priority.HIGH, Priority.URGENT);
                    }
                    if (fr != null) {
                        b.firstResponse(fr);
                    }
                    if (nr != null) {
                        b.nextResponse(nr);
                    }
                    if (pu != null) {
                        b.periodicUpdate(pu);
                    }
                    b.resolution(res != null ? res : SlaTarget.businessHours(16, OFFICE));
                    return b.build();
                });
    }

    static Arbitrary<SlaConfiguration> configurations() {
        return Combinators.combine(policies("high", true), policies("normal", false))
                .as((high, normal) -> SlaConfiguration.of(List.of(OFFICE_HOURS), List.of(high, normal)));
    }

    final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T06:30:00Z"));
    final InMemoryTicketStore store = new InMemoryTicketStore();
    final Helpdesk desk;
    final Helpdesk twin;
    final TicketDesk tickets;
    final List<TicketId> ids = new ArrayList<>();

    SlaScenario(SlaConfiguration configuration) {
        desk = Helpdesk.builder().store(store).clock(clock).slaConfiguration(configuration)
                .autoCloseAfter(Duration.ofDays(2))
                .idGenerator(new TimeOrderedIdGenerator(clock, new SplittableRandom(7))).build();
        twin = Helpdesk.builder().store(store).clock(clock).slaConfiguration(configuration)
                .autoCloseAfter(Duration.ofDays(2)).build();
        tickets = desk.tenant(ACME).tickets();
    }

    /** Carries out one step; commands that the lifecycle rejects simply do nothing. */
    void apply(Step step) {
        clock.advance(Duration.ofMinutes(step.minutes()));
        if (ids.isEmpty() || (step.kind() == 0 && ids.size() < 3)) {
            Actor by = step.arg() == 0 ? ANA : CAROL;
            tickets.open(Fixture.printerBroken(CAROL).priority(Priority.values()[step.arg()]).build(), by)
                    .forEach(t -> ids.add(t.id()));
            return;
        }
        TicketId id = ids.get(step.ticket() % ids.size());
        switch (step.kind()) {
            case 0, 1, 2 -> tickets.reply(id, "update " + step, Channel.EMAIL, ANA);
            case 3, 4 -> tickets.reply(id, "question " + step, Channel.EMAIL, CAROL);
            case 5 -> tickets.note(id, "note " + step, ANA);
            case 6 -> tickets.reply(id, "acknowledged", Channel.EMAIL, MAILER);
            case 7, 15 -> tickets.setPending(id, ANA);
            case 8, 16 -> tickets.setOnHold(id, ANA);
            case 9 -> tickets.resume(id, ANA);
            case 10 -> {
                tickets.assign(id, AgentId.of("ana"), ANA);
                tickets.solve(id, ANA);
            }
            case 11 -> tickets.reopen(id, CAROL);
            case 12 -> tickets.changePriority(id, Priority.values()[step.arg()], ANA);
            case 13 -> desk.runDue();
            case 14 -> {
                twin.runDue();
                desk.runDue();
            }
            default -> throw new IllegalArgumentException("no step " + step.kind());
        }
    }

    List<TicketEvent> history(TicketId id) {
        return store.history(ACME, id).stream().map(RecordedEvent::event).toList();
    }

    Ticket ticket(TicketId id) {
        return store.find(ACME, id).get();
    }

    /** Every SLA event of a ticket as a key: clock, cycle and threshold (0 for a breach). */
    static List<String> slaKeys(List<TicketEvent> history) {
        List<String> keys = new ArrayList<>();
        for (TicketEvent e : history) {
            if (e instanceof TicketEvent.SlaWarning w) {
                keys.add(key(w.clock(), w.cycle(), w.thresholdPercent()));
            } else if (e instanceof TicketEvent.SlaBreached b) {
                keys.add(key(b.clock(), b.cycle(), 0));
            }
        }
        return keys;
    }

    static String key(ClockKind kind, int cycle, int threshold) {
        return kind + "/" + cycle + "/" + threshold;
    }

    static Set<Status> live() {
        return EnumSet.of(Status.NEW, Status.OPEN, Status.PENDING, Status.ON_HOLD, Status.SOLVED);
    }
}
