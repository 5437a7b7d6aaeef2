package dev.helpdesk.jdbc.support;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.MessageId;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.Tier;
import dev.helpdesk.spi.ticket.Tickets;
import dev.helpdesk.spi.ticket.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Small builders of tickets and changes for the store tests. */
public final class Fixtures {
    /** A moment with sub-microsecond digits, so that lost precision shows. */
    public static final Instant T0 = Instant.parse("2026-03-08T05:59:59.123456789Z");
    public static final Actor AGENT = Actor.agent("ana");
    public static final Actor CUSTOMER = Actor.customer("c-1");
    private static final AtomicLong IDS = new AtomicLong();

    private Fixtures() {
    }

    /** A fresh, time-ordered-enough id, unique in this run. */
    public static UUID uuid() {
        return new UUID(0x0190_0000_0000_7000L | (IDS.incrementAndGet() << 16), 0x8000_0000_0000_0000L | System.nanoTime() & 0xFFFF_FFFFL);
    }

    public static TicketId ticketId() {
        return TicketId.of(uuid());
    }

    public static TicketEvent.Opened opened(TicketId id, long number, Instant at) {
        return new TicketEvent.Opened(id, at, CUSTOMER, TicketNumber.of(number), "Printer on fire", CustomerId.of("c-1"),
                Channel.EMAIL, Category.HARDWARE, Priority.NORMAL, Tier.L1, Optional.of(GroupId.of("l1")), Optional.empty());
    }

    /** The change that opens a ticket. */
    public static TicketChange open(TenantId tenant, long number, Instant at, Optional<Instant> due) {
        TicketEvent.Opened o = opened(ticketId(), number, at);
        return new TicketChange(0, List.of(o), Tickets.open(tenant, o), due);
    }

    public static TicketChange open(TenantId tenant, long number) {
        return open(tenant, number, T0, Optional.empty());
    }

    /** The change that applies some events to a ticket. */
    public static TicketChange then(Ticket t, Optional<Instant> due, TicketEvent... events) {
        return new TicketChange(t.version(), List.of(events), Tickets.evolve(t, List.of(events)), due);
    }

    public static TicketChange then(Ticket t, TicketEvent... events) {
        return then(t, Optional.empty(), events);
    }

    public static TicketEvent.MessagePosted reply(Ticket t, Instant at, Visibility visibility, String body) {
        Message m = new Message(new MessageId(uuid()), AGENT, visibility, Channel.EMAIL, body, at, false);
        return new TicketEvent.MessagePosted(t.id(), at, AGENT, m);
    }

    public static TicketEvent.Assigned assign(Ticket t, Instant at, String agent) {
        return new TicketEvent.Assigned(t.id(), at, AGENT, AgentId.of(agent));
    }

    public static TicketEvent.PriorityChanged priority(Ticket t, Instant at, Priority to) {
        return new TicketEvent.PriorityChanged(t.id(), at, AGENT, t.priority(), to);
    }
}
