package dev.helpdesk.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.TicketDesk;
import dev.helpdesk.core.time.SettableClock;
import dev.helpdesk.jdbc.JdbcStores;
import dev.helpdesk.spi.channel.ChannelSender;
import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.channel.CustomerContact;
import dev.helpdesk.spi.channel.CustomerDirectory;
import dev.helpdesk.spi.channel.EndpointId;
import dev.helpdesk.spi.channel.ExternalMessageId;
import dev.helpdesk.spi.channel.InboundMessage;
import dev.helpdesk.spi.channel.IntakeOutcome;
import dev.helpdesk.spi.channel.OutboundMessage;
import dev.helpdesk.spi.channel.SendOutcome;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.TicketEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * Outbound replies through the JDBC store's transactional outbox: a sender that fails gets the
 * same message (same outbound id) again on a later delivery, and the external id is recorded
 * on the ticket once, before the first attempt.
 */
class OutboundOutboxTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final ContactAddress ANA = ContactAddress.email("ana@example.com");

    /** A sender whose first attempt fails as an unreachable SMTP server would. */
    static final class FlakySender implements ChannelSender {
        final List<OutboundMessage> attempts = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "flaky-mail";
        }

        @Override
        public Channel channel() {
            return Channel.EMAIL;
        }

        @Override
        public ExternalMessageId externalIdOf(OutboundMessage message) {
            return ExternalMessageId.of("hd." + message.id().value() + "@acme.example");
        }

        @Override
        public SendOutcome send(OutboundMessage message) throws Exception {
            attempts.add(message);
            if (attempts.size() == 1) {
                throw new java.net.ConnectException("connection refused");
            }
            return new SendOutcome.Sent(externalIdOf(message));
        }
    }

    static final class Crm implements CustomerDirectory {
        @Override
        public String name() {
            return "crm";
        }

        @Override
        public Optional<CustomerId> resolve(TenantId tenant, ContactAddress address) {
            return ANA.equals(address) ? Optional.of(CustomerId.of("ana")) : Optional.empty();
        }

        @Override
        public Optional<CustomerContact> contact(TenantId tenant, CustomerId customer) {
            return Optional.empty();
        }
    }

    @Test
    void a_reply_whose_first_delivery_fails_is_sent_again_with_the_same_id_and_recorded_once() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:outbound-outbox;DB_CLOSE_DELAY=-1");
        SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
        FlakySender sender = new FlakySender();
        Helpdesk desk = Helpdesk.builder().store(JdbcStores.create(h2)).clock(clock).plugin(new Crm()).plugin(sender).build();
        TicketDesk tickets = desk.tenant(ACME).tickets();
        IntakeOutcome opened = desk.intake().accept(InboundMessage.builder().channel(Channel.EMAIL).tenant(ACME)
                .endpoint(EndpointId.of("support@acme.example")).sender(ANA).subject("Printer offline")
                .text("Nothing prints.").externalId(ExternalMessageId.of("q@example.com")).receivedAt(clock.instant())
                .rawSize(100).build());
        var ticket = assertInstanceOf(IntakeOutcome.Opened.class, opened).ticket();
        tickets.reply(ticket, "Please restart it.", Channel.EMAIL, Actor.agent("ben")).get();

        desk.deliverEvents(clock.instant());
        assertEquals(1, sender.attempts.size(), "the first attempt failed");
        clock.advance(Duration.ofMinutes(1));
        desk.deliverEvents(clock.instant());
        desk.deliverEvents(clock.instant());

        assertEquals(2, sender.attempts.size(), "sent again once, and not after it went out");
        assertEquals(sender.attempts.get(0), sender.attempts.get(1), "every attempt sends the same message");
        assertEquals(List.of(ExternalMessageId.of("q@example.com")), sender.attempts.get(1).references());
        List<TicketEvent.ExternalMessageLinked> outbound = tickets.history(ticket, Actor.agent("ben")).get().stream()
                .map(r -> r.event()).filter(e -> e instanceof TicketEvent.ExternalMessageLinked l && l.outbound())
                .map(e -> (TicketEvent.ExternalMessageLinked) e).toList();
        assertEquals(1, outbound.size());
        assertEquals(sender.externalIdOf(sender.attempts.get(0)).value(), outbound.get(0).externalId());
    }
}
