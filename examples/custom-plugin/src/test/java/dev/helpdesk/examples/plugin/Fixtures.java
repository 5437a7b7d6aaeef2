package dev.helpdesk.examples.plugin;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.spi.notification.Notification;
import dev.helpdesk.spi.notification.Recipient;
import dev.helpdesk.spi.notification.Topic;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Tickets and notices for the plugin's tests. */
final class Fixtures {
    static final TenantId ACME = TenantId.of("acme");

    private Fixtures() {
    }

    static TicketCommand.Open printerOffline(String customer) {
        return TicketCommand.open()
                .subject("Printer offline")
                .body("Since this morning nothing prints.")
                .channel(Channel.EMAIL)
                .category(Category.HARDWARE)
                .requester(CustomerId.of(customer))
                .build();
    }

    /** A ticket as a desk without rules opens it. */
    static Ticket openedTicket() {
        Helpdesk desk = Helpdesk.builder().build();
        return desk.tenant(ACME).tickets().open(printerOffline("c-42"), Actor.customer("c-42")).get();
    }

    static Notification notice(String subject, String body) {
        return Notification.builder()
                .id("0190c5a0-0000-7000-8000-000000000001/3/ana")
                .tenant(ACME)
                .ticket(TicketId.of(UUID.fromString("0190c5a0-0000-7000-8000-000000000001")))
                .number(TicketNumber.of(10234))
                .topic(Topic.ESCALATION)
                .recipient(new Recipient.Agent(AgentId.of("ana"), Optional.of("supervisor")))
                .locale(Locale.forLanguageTag("nl"))
                .subject(subject)
                .body(body)
                .urgent(true)
                .createdAt(Instant.parse("2026-12-03T09:15:00Z"))
                .build();
    }
}
