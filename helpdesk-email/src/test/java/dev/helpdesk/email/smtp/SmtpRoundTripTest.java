package dev.helpdesk.email.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.helpdesk.email.TenantMailbox;
import dev.helpdesk.email.imap.ImapPoller;
import dev.helpdesk.email.imap.ImapSettings;
import dev.helpdesk.email.inbound.MailReceiver;
import dev.helpdesk.email.quarantine.InMemoryQuarantine;
import dev.helpdesk.email.support.Customers;
import dev.helpdesk.email.support.MemoryAttachmentStore;
import dev.helpdesk.email.support.RecordingIntake;
import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.channel.EndpointId;
import dev.helpdesk.spi.channel.ExternalMessageId;
import dev.helpdesk.spi.channel.InboundMessage;
import dev.helpdesk.spi.channel.IntakeOutcome;
import dev.helpdesk.spi.channel.OutboundKind;
import dev.helpdesk.spi.channel.OutboundMessage;
import dev.helpdesk.spi.channel.OutboundMessageId;
import dev.helpdesk.spi.channel.SendOutcome;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The round trip through real SMTP and IMAP servers (GreenMail in the test JVM, one per class):
 * a customer's mail reaches the desk, the desk's reply reaches the customer with threading headers,
 * and the customer's answer threads back to the ticket.
 */
class SmtpRoundTripTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withPerMethodLifecycle(false);

    private static final TenantMailbox ACME = TenantMailbox.builder().tenant(TenantId.of("acme"))
            .address(ContactAddress.email("support@acme.example")).displayName("ACME Support")
            .replyTo(ContactAddress.email("help@acme.example")).build();

    private RecordingIntake intake;
    private MemoryAttachmentStore attachments;
    private MailReceiver receiver;
    private SmtpSender sender;

    @BeforeEach
    void reset() throws Exception {
        MAIL.purgeEmailFromAllMailboxes();
        MAIL.setUser("support@acme.example", "support", "secret");
        MAIL.setUser("help@acme.example", "help", "secret");
        MAIL.setUser("ana@example.com", "ana", "secret");
        intake = new RecordingIntake();
        attachments = new MemoryAttachmentStore(true);
        receiver = MailReceiver.builder().attachments(attachments).quarantine(new InMemoryQuarantine()).intake(intake)
                .build();
        sender = new SmtpSender(SmtpSettings.builder().host("127.0.0.1").port(MAIL.getSmtp().getPort()).plainText(true)
                .timeout(Duration.ofSeconds(10)).build(), List.of(ACME), attachments);
    }

    private ImapPoller poller(String user) {
        return new ImapPoller(ImapSettings.builder().host("127.0.0.1").port(MAIL.getImap().getPort()).ssl(false)
                .plainText(true).username(user).password("secret").build(), ACME, receiver);
    }

    @Test
    void a_reply_reaches_the_customer_threaded_and_the_customer_answer_threads_back() throws Exception {
        Customers.send(Customers.mail(Customers.session(MAIL.getSmtp().getPort()), "ana@example.com", "Ana Lima",
                "support@acme.example", "Printer offline", "Nothing prints.", "first@example.com", null));
        MAIL.waitForIncomingEmail(5000, 1);
        try (ImapPoller poller = poller("support")) {
            assertEquals(1, poller.pollOnce());
        }
        IntakeOutcome.Opened opened = assertInstanceOf(IntakeOutcome.Opened.class, intake.lastOutcome());

        OutboundMessage reply = reply("reply-1", opened, List.of(ExternalMessageId.of("first@example.com")),
                "Could you switch it off and on again?", OutboundKind.REPLY, Locale.ENGLISH);
        SendOutcome.Sent sent = assertInstanceOf(SendOutcome.Sent.class, sender.send(reply));
        assertEquals(sender.externalIdOf(reply), sent.externalId());
        intake.knowOutbound(sent.externalId(), opened.number());
        MAIL.waitForIncomingEmail(5000, 2);

        MimeMessage received = receivedBy("ana@example.com").get(0);
        assertEquals("<" + sent.externalId().value() + ">", received.getMessageID());
        assertEquals("<first@example.com>", received.getHeader("In-Reply-To", null));
        assertEquals("<first@example.com>", received.getHeader("References", null));
        assertEquals("Re: Printer offline [#1001]", received.getSubject());
        assertEquals(new InternetAddress("support@acme.example", "ACME Support"), received.getFrom()[0]);
        assertEquals("ACME Support", ((InternetAddress) received.getFrom()[0]).getPersonal());
        assertEquals(new InternetAddress("help@acme.example"), received.getReplyTo()[0]);
        assertNull(received.getHeader("Auto-Submitted"), "a person's reply is not automatic");
        String text = part(received, "text/plain");
        assertTrue(text.startsWith("##- Please type your reply above this line -##"), text);
        assertTrue(text.contains("Could you switch it off and on again?"));
        assertTrue(text.contains("request #1001 with ACME Support"));
        assertTrue(part(received, "text/html").contains("<p>Could you switch it off and on again?</p>"));

        Customers.send(Customers.mail(Customers.session(MAIL.getSmtp().getPort()), "ana@example.com", "Ana Lima",
                "help@acme.example", "Re: Printer offline [#1001]",
                "That worked, thank you!\n\nOn Mon, 2 Mar 2026 at 10:00, ACME Support <help@acme.example> wrote:\n> "
                        + text.replace("\n", "\n> "),
                "answer@example.com", sent.externalId().value(), "first@example.com", sent.externalId().value()));
        MAIL.waitForIncomingEmail(5000, 3);
        try (ImapPoller poller = poller("help")) {
            assertEquals(1, poller.pollOnce());
        }
        InboundMessage answer = intake.last();
        assertEquals(sent.externalId(), answer.references().get(0), "the answer names the desk's Message-ID first");
        assertEquals(List.of(sent.externalId(), ExternalMessageId.of("first@example.com")), answer.references());
        assertEquals("That worked, thank you!", answer.text());
        assertTrue(answer.fullText().contains("Could you switch it off and on again?"));
        IntakeOutcome.Replied replied = assertInstanceOf(IntakeOutcome.Replied.class, intake.lastOutcome());
        assertEquals(opened.number(), replied.number(), "the answer threads back to the ticket");
    }

    private static IntakeOutcome.Opened ticket(long number) {
        return new IntakeOutcome.Opened(TicketId.of(new UUID(0x0190a0000000700L, number)), TicketNumber.of(number));
    }

    @Test
    void the_same_message_sent_twice_keeps_one_message_id_and_notices_say_they_are_automatic() throws Exception {
        IntakeOutcome.Opened ticket = ticket(7);
        OutboundMessage notice = reply("notice-7-solved", ticket, List.of(), "Uw verzoek is opgelost.",
                OutboundKind.AUTOMATIC_NOTICE, Locale.forLanguageTag("nl"));
        SendOutcome.Sent first = assertInstanceOf(SendOutcome.Sent.class, sender.send(notice));
        SendOutcome.Sent again = assertInstanceOf(SendOutcome.Sent.class, sender.send(notice));
        assertEquals(first.externalId(), again.externalId());
        MAIL.waitForIncomingEmail(5000, 2);
        List<MimeMessage> received = receivedBy("ana@example.com");
        assertEquals(2, received.size());
        assertEquals(received.get(0).getMessageID(), received.get(1).getMessageID());
        MimeMessage m = received.get(0);
        assertEquals("auto-replied", m.getHeader("Auto-Submitted", null));
        assertEquals("All", m.getHeader("X-Auto-Response-Suppress", null));
        assertEquals("nl", m.getHeader("Content-Language", null));
        assertEquals("Printer offline [#7]", m.getSubject());
        assertTrue(part(m, "text/plain").startsWith("##- Typ uw antwoord boven deze regel -##"));
        assertTrue(part(m, "text/plain").contains("Dit is een automatisch bericht over uw verzoek #7"));
        assertNull(m.getHeader("In-Reply-To"));
    }

    @Test
    void attachments_are_read_from_the_store_and_sent_along() throws Exception {
        byte[] pdf = "%PDF-1.4 receipt".getBytes(StandardCharsets.US_ASCII);
        var ref = attachments.put(ACME.tenant(), "receipt.pdf", "application/pdf", new ByteArrayInputStream(pdf), 1000).get();
        IntakeOutcome.Opened ticket = ticket(8);
        OutboundMessage reply = OutboundMessage.builder().from(reply("reply-8", ticket, List.of(), "Here is your receipt.",
                OutboundKind.REPLY, Locale.ENGLISH)).addAttachment(ref).build();
        assertInstanceOf(SendOutcome.Sent.class, sender.send(reply));
        MAIL.waitForIncomingEmail(5000, 1);
        MimeMessage m = receivedBy("ana@example.com").get(0);
        Multipart mixed = (Multipart) m.getContent();
        Part file = mixed.getBodyPart(1);
        assertEquals("receipt.pdf", file.getFileName());
        assertArrayEquals(pdf, file.getInputStream().readAllBytes());

        attachments.delete(ACME.tenant(), ref.storageKey());
        SendOutcome gone = sender.send(OutboundMessage.builder().from(reply).id(OutboundMessageId.of("reply-9")).build());
        assertEquals("attachment-missing", assertInstanceOf(SendOutcome.Undeliverable.class, gone).reason().code());
    }

    @Test
    void a_message_for_a_mailbox_the_sender_does_not_have_is_undeliverable() throws Exception {
        IntakeOutcome.Opened ticket = ticket(9);
        OutboundMessage elsewhere = OutboundMessage.builder().from(reply("reply-10", ticket, List.of(), "x",
                OutboundKind.REPLY, Locale.ENGLISH)).endpoint(EndpointId.of("sales@acme.example")).build();
        SendOutcome outcome = sender.send(elsewhere);
        assertEquals("unknown-endpoint", assertInstanceOf(SendOutcome.Undeliverable.class, outcome).reason().code());
        assertFalse(MAIL.waitForIncomingEmail(300, 1));
    }

    private static OutboundMessage reply(String id, IntakeOutcome.Opened ticket, List<ExternalMessageId> references,
                                         String text, OutboundKind kind, Locale locale) {
        return OutboundMessage.builder().id(OutboundMessageId.of(id)).channel(Channel.EMAIL).tenant(ACME.tenant())
                .endpoint(ACME.endpoint()).kind(kind).recipient(ContactAddress.email("ana@example.com"))
                .recipientName("Ana Lima").ticket(ticket.ticket()).number(ticket.number()).subject("Printer offline")
                .text(text).locale(locale).references(references).createdAt(Instant.parse("2026-03-02T10:00:00Z"))
                .build();
    }

    private static List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
