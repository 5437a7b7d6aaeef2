package dev.helpdesk.email.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.TicketDesk;
import dev.helpdesk.email.imap.ImapPoller;
import dev.helpdesk.email.imap.ImapSettings;
import dev.helpdesk.email.inbound.MailReceiver;
import dev.helpdesk.email.quarantine.InMemoryQuarantine;
import dev.helpdesk.email.smtp.SmtpSender;
import dev.helpdesk.email.smtp.SmtpSettings;
import dev.helpdesk.email.support.Customers;
import dev.helpdesk.email.support.Mailboxes;
import dev.helpdesk.email.support.MemoryAttachmentStore;
import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.channel.CustomerContact;
import dev.helpdesk.spi.channel.CustomerDirectory;
import dev.helpdesk.spi.channel.InboundIntake;
import dev.helpdesk.spi.channel.IntakeOutcome;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.Visibility;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The email channel wired to the desk's intake, end to end through real SMTP and IMAP servers
 * (GreenMail in the test JVM): a customer's mail to the desk's mailbox becomes a ticket, the
 * agent's reply reaches the customer's mailbox with threading headers, the customer's answer
 * threads back, a poller restarted mid-batch duplicates nothing, and an auto-reply never
 * reopens a ticket.
 */
class DeskRoundTripTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withPerMethodLifecycle(false);

    private static final TenantId ACME = Mailboxes.ACME.tenant();
    private static final Actor AGENT = Actor.agent("ben");

    private Helpdesk desk;
    private TicketDesk tickets;
    private MailReceiver receiver;
    private Session customer;

    /** The host's CRM: Ana is a customer. */
    static final class Crm implements CustomerDirectory {
        private static final CustomerId ANA = CustomerId.of("crm-ana");
        private static final ContactAddress ANA_MAIL = ContactAddress.email("ana@example.com");

        @Override
        public String name() {
            return "crm";
        }

        @Override
        public Optional<CustomerId> resolve(TenantId tenant, ContactAddress address) {
            return ANA_MAIL.equals(address) ? Optional.of(ANA) : Optional.empty();
        }

        @Override
        public Optional<CustomerContact> contact(TenantId tenant, CustomerId id) {
            return ANA.equals(id) ? Optional.of(CustomerContact.builder().customer(ANA).displayName("Ana Lima")
                    .addAddress(ANA_MAIL).build()) : Optional.empty();
        }
    }

    /** The desk's intake, able to fail right after the desk recorded a mail, as a crash before the poller marks it. */
    static final class CrashingIntake implements InboundIntake {
        final List<IntakeOutcome> outcomes = new CopyOnWriteArrayList<>();
        private final InboundIntake desk;
        private final AtomicInteger calls = new AtomicInteger();
        private volatile int crashOn;

        CrashingIntake(InboundIntake desk) {
            this.desk = desk;
        }

        @Override
        public IntakeOutcome accept(dev.helpdesk.spi.channel.InboundMessage message) {
            IntakeOutcome outcome = desk.accept(message);
            outcomes.add(outcome);
            if (calls.incrementAndGet() == crashOn) {
                throw new IllegalStateException("the process stops after the commit");
            }
            return outcome;
        }
    }

    private CrashingIntake intake;

    @BeforeEach
    void reset() throws Exception {
        MAIL.purgeEmailFromAllMailboxes();
        MAIL.setUser("support@acme.example", "support", "secret");
        MAIL.setUser("ana@example.com", "ana", "secret");
        MemoryAttachmentStore attachments = new MemoryAttachmentStore(true);
        SmtpSender smtp = new SmtpSender(SmtpSettings.builder().host("127.0.0.1").port(MAIL.getSmtp().getPort())
                .plainText(true).timeout(Duration.ofSeconds(10)).build(), List.of(Mailboxes.ACME), attachments);
        desk = Helpdesk.builder().plugin(new Crm()).plugin(smtp).build();
        tickets = desk.tenant(ACME).tickets();
        intake = new CrashingIntake(desk.intake());
        receiver = MailReceiver.builder().attachments(attachments).quarantine(new InMemoryQuarantine()).intake(intake)
                .build();
        customer = Customers.session(MAIL.getSmtp().getPort());
    }

    private ImapPoller poller() {
        return new ImapPoller(ImapSettings.builder().host("127.0.0.1").port(MAIL.getImap().getPort()).ssl(false)
                .plainText(true).username("support").password("secret").timeout(Duration.ofSeconds(10))
                .initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofMillis(400)).build(), Mailboxes.ACME, receiver);
    }

    private void anaWrites(String subject, String text, String messageId, String inReplyTo, String... references)
            throws Exception {
        Customers.send(Customers.mail(customer, "ana@example.com", "Ana Lima", "support@acme.example", subject, text,
                messageId, inReplyTo, references));
    }

    private int poll(int expectedInInbox) throws Exception {
        MAIL.waitForIncomingEmail(5000, expectedInInbox);
        try (ImapPoller poller = poller()) {
            return poller.pollOnce();
        }
    }

    private List<Ticket> allTickets() {
        return tickets.list(TicketQuery.all(), PageRequest.first(50), AGENT).get().items();
    }

    @Test
    void mail_becomes_a_ticket_the_reply_reaches_the_customer_threaded_and_the_answer_threads_back() throws Exception {
        anaWrites("Printer offline", "Nothing prints since the update.", "q1@example.com", null);
        assertEquals(1, poll(1));
        Ticket ticket = tickets.get(assertInstanceOf(IntakeOutcome.Opened.class, intake.outcomes.get(0)).ticket(), AGENT)
                .get();
        assertEquals(CustomerId.of("crm-ana"), ticket.requester());
        assertEquals("Nothing prints since the update.", ticket.messages().get(0).body());

        tickets.assign(ticket.id(), AgentId.of("ben"), AGENT).get();
        tickets.reply(ticket.id(), "Please restart the printer.", Channel.EMAIL, AGENT).get();

        MimeMessage reply = onlyMailOf("ana", "secret");
        assertEquals("Re: Printer offline [#" + ticket.number().value() + "]", reply.getSubject());
        assertEquals("<q1@example.com>", reply.getHeader("In-Reply-To", null));
        assertTrue(reply.getHeader("References", null).contains("<q1@example.com>"));
        String replyId = reply.getMessageID();
        assertTrue(replyId.startsWith("<hd."), replyId);

        anaWrites("Re: Printer offline", "Restarted, it works.", "q2@example.com", strip(replyId), "q1@example.com",
                strip(replyId));
        assertEquals(1, poll(2));

        assertEquals(new IntakeOutcome.Replied(ticket.id(), ticket.number(), false), intake.outcomes.get(1));
        List<String> conversation = tickets.get(ticket.id(), AGENT).get().messages().stream()
                .filter(m -> m.visibility() == Visibility.PUBLIC).map(Message::body).toList();
        assertEquals(List.of("Nothing prints since the update.", "Please restart the printer.", "Restarted, it works."),
                conversation);
        assertEquals(1, allTickets().size());
    }

    @Test
    void a_poller_restarted_mid_batch_records_every_mail_once() throws Exception {
        for (int i = 1; i <= 5; i++) {
            anaWrites("Question " + i, "Question number " + i + ".", "batch" + i + "@example.com", null);
        }
        MAIL.waitForIncomingEmail(5000, 5);
        intake.crashOn = 3;
        try (ImapPoller first = poller()) {
            assertThrows(IllegalStateException.class, first::pollOnce);
        }
        try (ImapPoller restarted = poller()) {
            assertEquals(3, restarted.pollOnce());
        }

        assertEquals(6, intake.outcomes.size(), "the mail in flight at the crash was handed over again");
        assertInstanceOf(IntakeOutcome.Duplicate.class, intake.outcomes.get(3));
        assertEquals(5, allTickets().size());
        assertTrue(allTickets().stream().allMatch(t -> t.messages().size() == 1));
    }

    @Test
    void an_auto_reply_to_the_desks_reply_is_recorded_and_never_reopens_the_ticket() throws Exception {
        anaWrites("Printer offline", "Nothing prints.", "q3@example.com", null);
        poll(1);
        Ticket ticket = tickets.get(((IntakeOutcome.Opened) intake.outcomes.get(0)).ticket(), AGENT).get();
        tickets.assign(ticket.id(), AgentId.of("ben"), AGENT).get();
        tickets.reply(ticket.id(), "Fixed on our side.", Channel.EMAIL, AGENT).get();
        tickets.solve(ticket.id(), AGENT).get();
        String replyId = strip(onlyMailOf("ana", "secret").getMessageID());

        MimeMessage away = Customers.mail(customer, "ana@example.com", "Ana Lima", "support@acme.example",
                "Automatic reply: Re: Printer offline", "I am out of the office until Monday.", "ooo@example.com", replyId,
                replyId);
        away.setHeader("Auto-Submitted", "auto-replied");
        away.saveChanges();
        away.setHeader("Message-ID", "<ooo@example.com>");
        Customers.send(away);
        assertEquals(1, poll(2));

        assertInstanceOf(IntakeOutcome.Recorded.class, intake.outcomes.get(1));
        Ticket after = tickets.get(ticket.id(), AGENT).get();
        assertEquals(Status.SOLVED, after.status());
        assertEquals(1, allTickets().size());
        assertEquals(Map.of(Visibility.INTERNAL, 1L), after.messages().stream().filter(Message::automatic)
                .collect(java.util.stream.Collectors.groupingBy(Message::visibility, java.util.stream.Collectors.counting())));
    }

    private static String strip(String messageId) {
        return messageId.substring(1, messageId.length() - 1);
    }

    private MimeMessage onlyMailOf(String user, String password) throws Exception {
        MAIL.waitForIncomingEmail(5000, 1);
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", MAIL.getImap().getPort(), user, password);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                assertEquals(1, inbox.getMessageCount());
                return new MimeMessage((MimeMessage) inbox.getMessage(1));
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }
}
