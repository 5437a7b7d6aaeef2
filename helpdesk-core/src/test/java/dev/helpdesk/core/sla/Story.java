package dev.helpdesk.core.sla;

import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.core.ticket.TicketDecider;
import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.calendar.CalendarId;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
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
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A test DSL: a ticket's history told step by step, decided by the real ticket decider, in
 * the week of Monday 2 March 2026 in Amsterdam ("Mon 09:00" ... "Sun 23:00", then "Mon2 09:00"
 * for the Monday after).
 */
final class Story {
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final CalendarId OFFICE = CalendarId.of("office");
    static final BusinessCalendar OFFICE_HOURS = BusinessCalendar.builder().id(OFFICE).zone(AMSTERDAM)
            .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00", "17:00").build();
    static final Calendars CALENDARS = Calendars.of(List.of(OFFICE_HOURS));
    static final TenantId ACME = TenantId.of("acme");
    static final Actor ANA = Actor.agent("ana");
    static final Actor CAROL = Actor.customer("carol");
    static final Actor MAILER = Actor.integration("mail-gateway");
    static final Actor SLA = Actor.system("sla");

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final TicketDecider DECIDER = new TicketDecider(java.util.Set.copyOf(Category.defaults()));

    private Ticket ticket;
    private final List<TicketEvent> events = new ArrayList<>();
    private long ids = 1;

    private Story() {
    }

    /** A moment of the story's fortnight, such as {@code "Tue 10:30"} or {@code "Mon2 09:00"}. */
    static Instant t(String when) {
        String[] parts = when.split(" ");
        String day = parts[0];
        int week = day.endsWith("2") ? 7 : 0;
        DayOfWeek dow = switch (day.substring(0, 3)) {
            case "Mon" -> DayOfWeek.MONDAY;
            case "Tue" -> DayOfWeek.TUESDAY;
            case "Wed" -> DayOfWeek.WEDNESDAY;
            case "Thu" -> DayOfWeek.THURSDAY;
            case "Fri" -> DayOfWeek.FRIDAY;
            case "Sat" -> DayOfWeek.SATURDAY;
            case "Sun" -> DayOfWeek.SUNDAY;
            default -> throw new IllegalArgumentException(when);
        };
        return MONDAY.plusDays(week + dow.getValue() - 1L).atTime(LocalTime.parse(parts[1])).atZone(AMSTERDAM).toInstant();
    }

    static SlaTarget hours(long h) {
        return SlaTarget.businessHours(h, OFFICE);
    }

    static SlaTarget minutes(long m) {
        return SlaTarget.businessTime(Duration.ofMinutes(m), OFFICE);
    }

    static SlaPolicy policy(String name, UnaryOperator<SlaPolicy.Builder> parts) {
        return parts.apply(SlaPolicy.builder(name)).build();
    }

    /** First response 4 h, next response 4 h, periodic update 8 h, resolution 16 h, all in office hours. */
    static final SlaPolicy STANDARD = policy("standard", b -> b.firstResponse(hours(4)).nextResponse(hours(4))
            .periodicUpdate(hours(8)).resolution(hours(16)));

    static Story openedByCustomer(String when) {
        return opened(when, CAROL, Priority.NORMAL);
    }

    static Story opened(String when, Actor by, Priority priority) {
        Story s = new Story();
        TicketCommand.Open open = TicketCommand.open().subject("Printer offline").body("It stopped printing.")
                .channel(Channel.EMAIL).category(Category.HARDWARE).priority(priority)
                .requester(CustomerId.of("carol")).build();
        // a customer does not choose the priority: the host's form (an integration) opens such a ticket for them
        Actor opener = by instanceof Actor.Customer && priority != Priority.NORMAL ? MAILER : by;
        s.apply(DECIDER.open(open, opener, new TicketId(new UUID(0, 1)), TicketNumber.of(1), t(when), s.messageId()).get());
        return s;
    }

    private MessageId messageId() {
        return new MessageId(new UUID(1, ids++));
    }

    private void apply(List<TicketEvent> more) {
        ticket = ticket == null ? Tickets.replay(ACME, more) : Tickets.evolve(ticket, more);
        events.addAll(more);
    }

    Story does(String when, Actor actor, TicketCommand command) {
        return does(t(when), actor, command);
    }

    Story does(Instant when, Actor actor, TicketCommand command) {
        apply(DECIDER.decide(command, ticket, actor, when, this::messageId)
                .getOrElseThrow(r -> new IllegalStateException(r.message())));
        return this;
    }

    Story agentReplies(String when) {
        return does(when, ANA, new TicketCommand.Reply("On it.", Channel.EMAIL));
    }

    Story customerReplies(String when) {
        return does(when, CAROL, new TicketCommand.Reply("Any news?", Channel.EMAIL));
    }

    Story agentNotes(String when) {
        return does(when, ANA, new TicketCommand.Note("Asked the supplier."));
    }

    Story gatewayAcknowledges(String when) {
        return does(when, MAILER, new TicketCommand.Reply("We received your message.", Channel.EMAIL));
    }

    Story pending(String when) {
        return does(when, ANA, new TicketCommand.SetPending());
    }

    Story onHold(String when) {
        return does(when, ANA, new TicketCommand.SetOnHold());
    }

    Story resumes(String when) {
        return does(when, ANA, new TicketCommand.Resume());
    }

    Story solved(String when) {
        if (ticket.assignee().isEmpty()) {
            does(when, ANA, new TicketCommand.Assign(AgentId.of("ana")));
        }
        return does(when, ANA, new TicketCommand.Solve());
    }

    Story reopened(String when) {
        return does(when, CAROL, new TicketCommand.Reopen());
    }

    Story closed(String when) {
        return does(when, ANA, new TicketCommand.Close());
    }

    Story merged(String when) {
        return does(when, ANA, new TicketCommand.Merge(new TicketId(new UUID(0, 2))));
    }

    Story priority(String when, Priority priority) {
        return does(when, ANA, new TicketCommand.ChangePriority(priority));
    }

    /** Appends events as a due run would have. */
    Story recorded(List<TicketEvent> more) {
        if (!more.isEmpty()) {
            apply(more);
        }
        return this;
    }

    Ticket ticket() {
        return ticket;
    }

    List<TicketEvent> events() {
        return List.copyOf(events);
    }
}
