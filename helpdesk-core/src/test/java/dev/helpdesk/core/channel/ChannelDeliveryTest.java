package dev.helpdesk.core.channel;

import static dev.helpdesk.core.channel.MailDesk.ANA;
import static dev.helpdesk.core.channel.MailDesk.CAROL_MAIL;
import static dev.helpdesk.core.channel.MailDesk.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.channel.ExternalMessageId;
import dev.helpdesk.spi.channel.IntakeOutcome;
import dev.helpdesk.spi.channel.OutboundKind;
import dev.helpdesk.spi.channel.OutboundMessage;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelDeliveryTest {
    private final MailDesk mail = new MailDesk();

    private Ticket openedByMail(String messageId) {
        IntakeOutcome outcome = mail.intake.accept(mail.mail(CAROL_MAIL, "Printer offline", "It does not print.", messageId)
                .build());
        return ok(mail.tickets.get(assertInstanceOf(IntakeOutcome.Opened.class, outcome).ticket(), ANA));
    }

    @Test
    void an_agents_public_reply_goes_to_the_customer_through_the_channel_sender_answering_their_mail() {
        Ticket ticket = openedByMail("q1@example.com");

        Ticket replied = ok(mail.tickets.reply(ticket.id(), "Please switch it off and on.", Channel.EMAIL, ANA));

        OutboundMessage sent = mail.sender.sent.get(0);
        assertEquals(OutboundKind.REPLY, sent.kind());
        assertEquals(CAROL_MAIL, sent.recipient());
        assertEquals(MailDesk.SUPPORT, sent.endpoint());
        assertEquals(ticket.number(), sent.number());
        assertEquals("Printer offline", sent.subject());
        assertEquals("Please switch it off and on.", sent.text());
        assertEquals(List.of(ExternalMessageId.of("q1@example.com")), sent.references());
        assertEquals("m." + replied.messages().get(1).id().value(), sent.id().value());
        TicketEvent.ExternalMessageLinked outbound = mail.events(ticket.id(), TicketEvent.ExternalMessageLinked.class).get(1);
        assertTrue(outbound.outbound());
        assertEquals(mail.sender.externalIdOf(sent).value(), outbound.externalId());
        assertEquals(replied.messages().get(1).id(), outbound.message());
    }

    @Test
    void the_customers_answer_to_the_agents_reply_threads_back_by_its_in_reply_to() {
        Ticket ticket = openedByMail("q2@example.com");
        ok(mail.tickets.reply(ticket.id(), "Please switch it off and on.", Channel.EMAIL, ANA));
        ExternalMessageId replyId = mail.sender.externalIdOf(mail.sender.sent.get(0));

        IntakeOutcome answer = mail.intake.accept(mail.mail(CAROL_MAIL, "Re: something else entirely", "Done, it works.")
                .addReferences(replyId).build());

        assertEquals(new IntakeOutcome.Replied(ticket.id(), ticket.number(), false), answer);
    }

    @Test
    void internal_notes_and_customer_messages_are_not_sent() {
        Ticket ticket = openedByMail("q3@example.com");
        ok(mail.tickets.note(ticket.id(), "Ask the vendor", ANA));
        ok(mail.tickets.reply(ticket.id(), "Me again", Channel.EMAIL, Actor.customer("carol")));

        assertEquals(List.of(), mail.sender.sent);
    }

    @Test
    void a_ticket_the_channel_never_carried_gets_nothing_sent() {
        Ticket phoned = ok(mail.tickets.open(dev.helpdesk.core.ticket.TicketCommand.open().subject("Called in").body("Call log")
                .channel(Channel.PHONE).category(dev.helpdesk.spi.ticket.Category.HARDWARE)
                .requester(MailDesk.CAROL).build(), ANA));

        ok(mail.tickets.reply(phoned.id(), "We will call back.", Channel.EMAIL, ANA));

        assertEquals(List.of(), mail.sender.sent);
    }

    @Test
    void a_notice_to_the_customer_goes_out_marked_automatic() {
        Ticket ticket = openedByMail("q4@example.com");

        ok(mail.tickets.execute(ticket.id(), new dev.helpdesk.core.ticket.TicketCommand.NotifyCustomer(
                "Your ticket waits for a part from the vendor."), Actor.system("waiting-on-vendor")));

        OutboundMessage notice = mail.sender.sent.get(0);
        assertEquals(OutboundKind.AUTOMATIC_NOTICE, notice.kind());
        assertEquals("Your ticket waits for a part from the vendor.", notice.text());
        assertEquals(CAROL_MAIL, notice.recipient());
        assertTrue(notice.id().value().startsWith("n." + ticket.id().value() + "."), notice.id().value());
    }
}
