package dev.helpdesk.core.escalation;

import static org.junit.jupiter.api.Assertions.fail;

import dev.helpdesk.core.DueRun;
import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.TenantDesk;
import dev.helpdesk.core.TicketDesk;
import dev.helpdesk.core.memory.InMemoryTicketStore;
import dev.helpdesk.core.routing.InMemoryAgentDirectory;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.core.time.SettableClock;
import dev.helpdesk.core.time.TimeOrderedIdGenerator;
import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.calendar.CalendarId;
import dev.helpdesk.spi.escalation.EscalationRule;
import dev.helpdesk.spi.notification.Notification;
import dev.helpdesk.spi.notification.Notifier;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.routing.AgentProfile;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import io.vavr.control.Either;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A test DSL for escalation stories: one desk on a settable clock in the week of Monday
 * 2 March 2026 in Amsterdam, an in-memory agent directory and a notifier that keeps what it
 * is given.
 */
final class World {
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final TenantId ACME = TenantId.of("acme");
    static final CalendarId OFFICE = CalendarId.of("office");
    static final BusinessCalendar OFFICE_HOURS = BusinessCalendar.builder().id(OFFICE).zone(AMSTERDAM)
            .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00", "17:00").build();
    static final Actor ANA = Actor.agent("ana");
    static final Actor BEN = Actor.agent("ben");
    static final Actor CAROL = Actor.customer("carol");
    static final Actor DAVE = Actor.customer("dave");
    /** The host's web form: it opens tickets on a customer's behalf with the priority, tier and group it chose. */
    static final Actor WEB_FORM = Actor.integration("web-form");
    static final GroupId SUPPORT = GroupId.of("support");
    static final GroupId SPECIALISTS = GroupId.of("specialists");
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    final SettableClock clock = SettableClock.at(t("Mon 09:00"));
    final InMemoryAgentDirectory agents = new InMemoryAgentDirectory();
    final InMemoryTicketStore store = new InMemoryTicketStore();
    final List<Notification> notices = new CopyOnWriteArrayList<>();
    final Helpdesk desk;
    final TenantDesk acme;
    final TicketDesk tickets;

    World(UnaryOperator<Helpdesk.Builder> configure) {
        Notifier recorder = new Notifier() {
            @Override
            public String name() {
                return "recorder";
            }

            @Override
            public void deliver(Notification notification) {
                notices.add(notification);
            }
        };
        desk = configure.apply(Helpdesk.builder()
                .clock(clock)
                .store(store)
                .idGenerator(new TimeOrderedIdGenerator(clock, new SplittableRandom(7)))
                .agents(agents)
                .calendars(List.of(OFFICE_HOURS))
                .plugin(recorder))
                .build();
        acme = desk.tenant(ACME);
        tickets = acme.tickets();
    }

    /** A moment of the fortnight, such as {@code "Tue 10:30"} or {@code "Mon2 09:00"}. */
    static Instant t(String when) {
        String[] parts = when.split(" ");
        String day = parts[0];
        int week = day.endsWith("2") ? 7 : 0;
        DayOfWeek dow = DayOfWeek.valueOf(switch (day.substring(0, 3)) {
            case "Mon" -> "MONDAY";
            case "Tue" -> "TUESDAY";
            case "Wed" -> "WEDNESDAY";
            case "Thu" -> "THURSDAY";
            case "Fri" -> "FRIDAY";
            case "Sat" -> "SATURDAY";
            case "Sun" -> "SUNDAY";
            default -> throw new IllegalArgumentException(when);
        });
        return MONDAY.plusDays(week + dow.getValue() - 1L).atTime(LocalTime.parse(parts[1])).atZone(AMSTERDAM).toInstant();
    }

    World at(String when) {
        clock.set(t(when));
        return this;
    }

    DueRun runDueAt(String when) {
        at(when);
        return desk.runDue(clock.instant());
    }

    World agent(String id, UnaryOperator<AgentProfile.Builder> parts) {
        agents.put(ACME, parts.apply(AgentProfile.builder(id)).build());
        return this;
    }

    static EscalationRule rule(String name, UnaryOperator<EscalationRule.Builder> parts) {
        return parts.apply(EscalationRule.builder(name)).build();
    }

    static TicketCommand.Open.Builder printer(Actor requester) {
        return TicketCommand.open().subject("Printer offline").body("The office printer stopped printing.")
                .channel(Channel.EMAIL).category(Category.HARDWARE).requester(((Actor.Customer) requester).id());
    }

    Ticket open(Actor requester, UnaryOperator<TicketCommand.Open.Builder> parts) {
        TicketCommand.Open command = parts.apply(printer(requester)).build();
        return ok(tickets.open(command, openerOf(command, requester)));
    }

    /** A customer opens their ticket themselves unless it names what only the desk chooses; then the web form does. */
    static Actor openerOf(TicketCommand.Open command, Actor requester) {
        boolean desksChoice = command.group() != null || command.priority() != dev.helpdesk.spi.ticket.Priority.NORMAL
                || command.tier() != dev.helpdesk.spi.ticket.Tier.L1;
        return desksChoice ? WEB_FORM : requester;
    }

    Ticket open(Actor requester) {
        return open(requester, b -> b);
    }

    Ticket get(TicketId id) {
        return ok(tickets.get(id, ANA));
    }

    List<TicketEvent> events(TicketId id) {
        return ok(tickets.history(id, ANA)).stream().map(RecordedEvent::event).toList();
    }

    List<TicketEvent.RuleFired> firings(TicketId id) {
        return events(id).stream().filter(TicketEvent.RuleFired.class::isInstance).map(TicketEvent.RuleFired.class::cast).toList();
    }

    <E extends TicketEvent> List<E> events(TicketId id, Class<E> kind) {
        return events(id).stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    static AgentId id(Actor agent) {
        return ((Actor.Agent) agent).id();
    }

    static CustomerId customer(Actor customer) {
        return ((Actor.Customer) customer).id();
    }

    static <T> T ok(Either<Rejection, T> result) {
        if (result.isLeft()) {
            fail("expected success, got " + result.getLeft().message());
        }
        return result.get();
    }

    static <T> Rejection rejected(Either<Rejection, T> result) {
        if (result.isRight()) {
            fail("expected a rejection, got " + result.get());
        }
        return result.getLeft();
    }
}
