package dev.helpdesk.bench.sla;

import dev.helpdesk.core.sla.Calendars;
import dev.helpdesk.core.sla.SlaClocks;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.core.ticket.TicketDecider;
import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.calendar.CalendarId;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.sla.ClockState;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.sla.SlaTarget;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.MessageId;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.Tickets;
import dev.helpdesk.spi.ticket.Tier;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Evaluating every SLA clock of a ticket with 50 events: three weeks of replies, notes,
 * pauses on the customer and on a third party, a priority change, two reopenings (so 24
 * clock cycles in all), against a Mon-Fri 09:00-17:00 Europe/Amsterdam calendar with a year
 * of holidays. This is what the desk computes for the clocks view and, for the deadline, on
 * every commit.
 *
 * <ul>
 *   <li>{@code clocks}: every cycle of every clock as it stands ({@link SlaClocks#evaluate}).</li>
 *   <li>{@code nextDeadline}: the ticket's next warning or breach ({@link SlaClocks#nextDeadline}).</li>
 *   <li>{@code clocksCalendarTime}: the same clocks with calendar-time targets, to show what
 *       the business calendar adds.</li>
 *   <li>{@code clocksFirstUse}: the clocks with a calendar prepared for the call, as the first
 *       evaluation after the desk starts or its configuration is replaced.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SlaClocksBenchmark {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final CalendarId OFFICE = CalendarId.of("office");
    /** How many events the ticket has. */
    static final int EVENTS = 50;

    private List<TicketEvent> history;
    private Instant now;
    private Calendars calendars;
    private BusinessCalendar calendar;
    private SlaPolicy business;
    private SlaPolicy calendarTime;

    /** Builds the ticket's history with the real decider, and warms the calendar. */
    @Setup(Level.Trial)
    public void setUp() {
        calendar = officeHours();
        calendars = Calendars.of(List.of(calendar));
        business = SlaPolicy.builder("business").firstResponse(SlaTarget.businessHours(4, OFFICE))
                .nextResponse(SlaTarget.businessHours(4, OFFICE)).periodicUpdate(SlaTarget.businessHours(8, OFFICE))
                .resolution(SlaTarget.businessHours(24, OFFICE)).build();
        calendarTime = SlaPolicy.builder("calendar").firstResponse(SlaTarget.calendarTime(Duration.ofHours(4)))
                .nextResponse(SlaTarget.calendarTime(Duration.ofHours(4)))
                .periodicUpdate(SlaTarget.calendarTime(Duration.ofHours(8)))
                .resolution(SlaTarget.calendarTime(Duration.ofHours(72))).build();
        history = fiftyEvents();
        now = history.get(history.size() - 1).at().plus(Duration.ofHours(1));
        int cycles = SlaClocks.evaluate(history, business, calendars, now).size();
        if (history.size() != EVENTS || cycles != 24) {
            throw new IllegalStateException("expected 50 events and 24 cycles, got " + history.size() + " and " + cycles);
        }
    }

    static BusinessCalendar officeHours() {
        BusinessCalendar.Builder b = BusinessCalendar.builder().id(OFFICE).zone(AMSTERDAM)
                .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00", "17:00");
        for (String date : List.of("2026-01-01", "2026-04-03", "2026-04-06", "2026-04-27", "2026-05-05", "2026-05-14",
                "2026-05-25", "2026-12-25", "2026-12-26")) {
            b.holiday(LocalDate.parse(date));
        }
        return b.specialDay(LocalDate.parse("2026-12-24"), "09:00", "12:00")
                .specialDay(LocalDate.parse("2026-12-31"), "09:00", "12:00").build();
    }

    /** Three weeks of a busy ticket, from Monday 2 March 2026, cut at its 50th event. */
    static List<TicketEvent> fiftyEvents() {
        TicketDecider decider = new TicketDecider(Set.copyOf(Category.defaults()));
        Actor carol = Actor.customer("carol");
        Actor ana = Actor.agent("ana");
        Actor ben = Actor.agent("ben");
        Actor gateway = Actor.integration("mail-gateway");
        long[] ids = {1};
        java.util.function.Supplier<MessageId> messageIds = () -> new MessageId(new UUID(7, ids[0]++));
        TicketCommand.Open open = TicketCommand.open().subject("Installer crashes").body("Version 4.2 crashes at 80 %.")
                .channel(Channel.EMAIL).category(Category.INSTALLATION).requester(CustomerId.of("carol")).build();
        Instant start = LocalDate.of(2026, 3, 2).atTime(8, 40).atZone(AMSTERDAM).toInstant();
        List<TicketEvent> events = new ArrayList<>(decider.open(open, carol, new TicketId(new UUID(7, 0)),
                TicketNumber.of(1), start, messageIds.get()).get());
        Ticket t = Tickets.replay(TenantId.of("bench"), events);
        record Step(long minutesLater, Actor actor, TicketCommand command) {
        }
        TicketCommand reply = new TicketCommand.Reply("Update.", Channel.EMAIL);
        TicketCommand note = new TicketCommand.Note("Checked the logs.");
        List<Step> steps = List.of(
                new Step(1, gateway, new TicketCommand.Reply("We received your request.", Channel.EMAIL)),
                new Step(50, ana, new TicketCommand.Assign(AgentId.of("ana"))),
                new Step(15, ana, note), new Step(30, ana, reply), new Step(1, ana, new TicketCommand.SetPending()),
                new Step(24 * 60 + 44, carol, reply), new Step(180, ana, reply),
                new Step(5, ana, new TicketCommand.ChangeTier(Tier.L2, "installer internals")),
                new Step(120, ana, note), new Step(18 * 60, ana, reply), new Step(1, ana, new TicketCommand.SetOnHold()),
                new Step(29 * 60, ana, new TicketCommand.Resume()), new Step(30, ana, reply),
                new Step(18 * 60, carol, reply), new Step(90, ana, new TicketCommand.ChangePriority(Priority.HIGH)),
                new Step(60, ana, reply), new Step(270, ana, new TicketCommand.Solve()),
                new Step(3 * 24 * 60 - 390, carol, reply), new Step(60, ana, reply),
                new Step(5, ana, new TicketCommand.SetPending()), new Step(235, carol, reply),
                new Step(18 * 60 + 10, ana, new TicketCommand.MoveToGroup(GroupId.of("installers"))),
                new Step(50, ana, reply), new Step(30, ana, note), new Step(22 * 60 + 30, carol, reply),
                new Step(240, ana, reply), new Step(1, ana, new TicketCommand.SetOnHold()),
                new Step(5 * 24 * 60 - 181, ana, new TicketCommand.Resume()), new Step(30, ana, reply),
                new Step(30, ana, new TicketCommand.Solve()), new Step(22 * 60, carol, reply),
                new Step(30, ana, note), new Step(150, ana, reply),
                new Step(5, ana, new TicketCommand.ChangeCategory(Category.SOFTWARE_UPDATES)),
                new Step(22 * 60 - 5, carol, reply), new Step(360, ana, reply), new Step(1, ana, new TicketCommand.SetPending()),
                new Step(18 * 60, carol, reply), new Step(60, ana, new TicketCommand.Unassign()),
                new Step(30, ben, new TicketCommand.Assign(AgentId.of("ben"))), new Step(150, ben, reply),
                new Step(30, ben, note), new Step(30, ben, note));
        Instant at = start;
        for (Step step : steps) {
            at = at.plus(Duration.ofMinutes(step.minutesLater()));
            List<TicketEvent> more = decider.decide(step.command(), t, step.actor(), at, messageIds)
                    .getOrElseThrow(r -> new IllegalStateException(step + ": " + r.message()));
            t = Tickets.evolve(t, more);
            events.addAll(more);
        }
        return List.copyOf(events.subList(0, Math.min(EVENTS, events.size())));
    }

    /**
     * Every clock of the ticket, business-time targets.
     *
     * @return the clocks
     */
    @Benchmark
    public List<ClockState> clocks() {
        return SlaClocks.evaluate(history, business, calendars, now);
    }

    /**
     * The ticket's next deadline, business-time targets.
     *
     * @return the deadline
     */
    @Benchmark
    public Optional<Instant> nextDeadline() {
        return SlaClocks.nextDeadline(history, business, calendars);
    }

    /**
     * Every clock of the ticket, calendar-time targets.
     *
     * @return the clocks
     */
    @Benchmark
    public List<ClockState> clocksCalendarTime() {
        return SlaClocks.evaluate(history, calendarTime, calendars, now);
    }

    /**
     * Every clock of the ticket with the calendar's arithmetic prepared for this call.
     *
     * @return the clocks
     */
    @Benchmark
    public List<ClockState> clocksFirstUse() {
        return SlaClocks.evaluate(history, business, Calendars.of(List.of(calendar)), now);
    }
}
