package dev.helpdesk.examples.quickstart;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.TicketDesk;
import dev.helpdesk.core.attachment.FileSystemAttachmentStore;
import dev.helpdesk.core.attachment.FileSystemStoreSettings;
import dev.helpdesk.core.time.TimeOrderedIdGenerator;
import dev.helpdesk.email.TenantMailbox;
import dev.helpdesk.email.imap.ImapPoller;
import dev.helpdesk.email.imap.ImapSettings;
import dev.helpdesk.email.inbound.MailReceiver;
import dev.helpdesk.email.quarantine.InMemoryQuarantine;
import dev.helpdesk.email.smtp.SmtpSender;
import dev.helpdesk.email.smtp.SmtpSettings;
import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.channel.CustomerContact;
import dev.helpdesk.spi.channel.CustomerDirectory;
import dev.helpdesk.spi.channel.IntakeOutcome;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Ticket;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Email end to end: the example starts a mail server in its own process (GreenMail: SMTP and
 * IMAP on free ports), and the desk's email channel talks to it as it would to the host's mail
 * service. A customer's mail to the support mailbox becomes a ticket; the agent's reply
 * reaches the customer's mailbox with the ticket number in the subject and threading headers;
 * the customer's answer threads back onto the ticket; an out-of-office reply is recorded
 * without reopening anything; the same mail handed over again is recorded once.
 *
 * <p>The wiring a host writes is in {@link #run()}: the desk with the host's CRM and the SMTP
 * sender as plugins, a receiver handing mail to {@code desk.intake()}, and an IMAP poller.
 */
public final class MailRoundTrip {
    private static final TenantId ACME = TenantId.of("acme");
    private static final String SUPPORT = "support@acme.example";
    private static final String CUSTOMER = "ana@example.com";
    private static final Actor AGENT = Actor.agent("ben");

    private final PrintStream out;

    /**
     * What the round trip showed, for a test to check.
     *
     * @param outcomes       what the intake answered for each mail, in order
     * @param replySubject   the subject of the agent's reply in the customer's mailbox
     * @param replyInReplyTo the reply's {@code In-Reply-To}
     * @param conversation   the ticket's public messages at the end, oldest first
     * @param finalStatus    the ticket's status at the end
     */
    public record Result(List<IntakeOutcome> outcomes, String replySubject, String replyInReplyTo,
                         List<String> conversation, String finalStatus) {
    }

    /**
     * Makes the round trip.
     *
     * @param out where it tells what happens
     */
    public MailRoundTrip(PrintStream out) {
        this.out = out;
    }

    /**
     * Runs it on its own.
     *
     * @param args none
     */
    public static void main(String[] args) {
        new MailRoundTrip(System.out).run();
    }

    /** The host's CRM, as the channels see it: Ana Lima is a customer. */
    private static final class Crm implements CustomerDirectory {
        private static final CustomerId ANA = CustomerId.of("crm-1001");

        @Override
        public String name() {
            return "crm";
        }

        @Override
        public Optional<CustomerId> resolve(TenantId tenant, ContactAddress address) {
            return address.equals(ContactAddress.email(CUSTOMER)) ? Optional.of(ANA) : Optional.empty();
        }

        @Override
        public Optional<CustomerContact> contact(TenantId tenant, CustomerId customer) {
            return customer.equals(ANA) ? Optional.of(CustomerContact.builder().customer(ANA).displayName("Ana Lima")
                    .addAddress(ContactAddress.email(CUSTOMER)).build()) : Optional.empty();
        }
    }

    /**
     * Starts the mail server, runs the round trip and stops the server.
     *
     * @return what it showed
     */
    public Result run() {
        GreenMail mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        Path files = temporaryDirectory();
        try {
            mail.setUser(SUPPORT, "support", "secret");
            mail.setUser(CUSTOMER, "ana", "secret");
            return roundTrip(mail, files);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("the mail round trip failed", e);
        } finally {
            mail.stop();
            deleteAll(files);
        }
    }

    private Result roundTrip(GreenMail mail, Path files) throws MessagingException, IOException {
        out.println();
        out.println("Email round trip - a mail server started in this process (SMTP " + mail.getSmtp().getPort()
                + ", IMAP " + mail.getImap().getPort() + ")");
        out.println("=".repeat(78));

        // the host's wiring: the mailbox, the attachment store, the desk with its CRM and SMTP sender
        TenantMailbox mailbox = TenantMailbox.builder().tenant(ACME).address(ContactAddress.email(SUPPORT))
                .displayName("ACME Support").build();
        FileSystemAttachmentStore attachments = new FileSystemAttachmentStore(
                FileSystemStoreSettings.builder().root(files).build(), new TimeOrderedIdGenerator(Clock.systemUTC()));
        SmtpSender smtp = new SmtpSender(SmtpSettings.builder().host("127.0.0.1").port(mail.getSmtp().getPort())
                .plainText(true).build(), List.of(mailbox), attachments);
        Helpdesk desk = Helpdesk.builder().plugin(new Crm()).plugin(smtp).build();
        List<IntakeOutcome> outcomes = new ArrayList<>();
        MailReceiver receiver = MailReceiver.builder().attachments(attachments).quarantine(new InMemoryQuarantine())
                .intake(message -> record(outcomes, desk.intake().accept(message))).build();
        ImapSettings imap = ImapSettings.builder().host("127.0.0.1").port(mail.getImap().getPort()).ssl(false)
                .plainText(true).username("support").password("secret").timeout(Duration.ofSeconds(10)).build();
        TicketDesk tickets = desk.tenant(ACME).tickets();

        Session client = clientSession(mail.getSmtp().getPort());
        send(client, "Printer offline", "Nothing prints since this morning's update.", "first@example.com", null);
        mail.waitForIncomingEmail(5000, 1);
        poll(imap, mailbox, receiver);
        Ticket ticket = tickets.get(((IntakeOutcome.Opened) outcomes.get(0)).ticket(), AGENT).get();

        tickets.assign(ticket.id(), AgentId.of("ben"), AGENT).get();
        tickets.reply(ticket.id(), "Please switch the printer off and on again.", Channel.EMAIL, AGENT).get();
        out.println("agent ben replies on " + ticket.number() + "; the desk sends it through SMTP");
        MimeMessage reply = lastMail(mail.getImap().getPort(), "ana", "secret");
        String inReplyTo = reply.getHeader("In-Reply-To", null);
        out.println("ana's mailbox: \"" + reply.getSubject() + "\" from " + reply.getFrom()[0] + ", In-Reply-To "
                + inReplyTo);

        String replyId = reply.getMessageID().substring(1, reply.getMessageID().length() - 1);
        send(client, "Re: Printer offline", "Done - it prints again, thank you!", "second@example.com", replyId);
        mail.waitForIncomingEmail(5000, 3);
        poll(imap, mailbox, receiver);
        tickets.solve(ticket.id(), AGENT).get();
        out.println("agent ben solves " + ticket.number() + "; ana's mail program answers with an out-of-office reply");

        MimeMessage away = message(client, "Automatic reply: Re: Printer offline", "I am out of the office until Monday.",
                "away@example.com", replyId);
        away.setHeader("Auto-Submitted", "auto-replied");
        away.saveChanges();
        away.setHeader("Message-ID", "<away@example.com>");
        Transport.send(away);
        mail.waitForIncomingEmail(5000, 4);
        poll(imap, mailbox, receiver);

        // a redelivery (a web hook retried, a poller that crashed before marking the mail) is recorded once
        IntakeOutcome again = receiver.receive(mailbox, rawOf(message(client, "Printer offline",
                "Nothing prints since this morning's update.", "first@example.com", null)));
        out.println("the first mail handed over again: " + again.describe());
        Ticket end = tickets.get(ticket.id(), AGENT).get();
        List<String> conversation = end.messages().stream().filter(m -> m.isPublic()).map(m -> m.body()).toList();
        out.println(ticket.number() + " now " + end.status() + ", public conversation:");
        conversation.forEach(text -> out.println("  - " + text));
        return new Result(List.copyOf(outcomes), reply.getSubject(), inReplyTo, conversation, end.status().name());
    }

    private IntakeOutcome record(List<IntakeOutcome> outcomes, IntakeOutcome outcome) {
        outcomes.add(outcome);
        out.println("intake: " + outcome.describe());
        return outcome;
    }

    private static void poll(ImapSettings settings, TenantMailbox mailbox, MailReceiver receiver)
            throws MessagingException, IOException {
        try (ImapPoller poller = new ImapPoller(settings, mailbox, receiver)) {
            poller.pollOnce();
        }
    }

    private static Session clientSession(int smtpPort) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(smtpPort));
        return Session.getInstance(p);
    }

    private static void send(Session client, String subject, String text, String messageId, String inReplyTo)
            throws MessagingException, IOException {
        Transport.send(message(client, subject, text, messageId, inReplyTo));
    }

    private static MimeMessage message(Session client, String subject, String text, String messageId, String inReplyTo)
            throws MessagingException, IOException {
        MimeMessage m = new MimeMessage(client) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + messageId + ">");
            }
        };
        m.setFrom(new InternetAddress(CUSTOMER, "Ana Lima", "UTF-8"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(SUPPORT));
        m.setSubject(subject, "UTF-8");
        m.setSentDate(new java.util.Date());
        m.setText(text, "UTF-8");
        if (inReplyTo != null) {
            m.setHeader("In-Reply-To", "<" + inReplyTo + ">");
            m.setHeader("References", "<first@example.com> <" + inReplyTo + ">");
        }
        m.saveChanges();
        return m;
    }

    private static MimeMessage lastMail(int imapPort, String user, String password) throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", imapPort, user, password);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return new MimeMessage((MimeMessage) inbox.getMessage(inbox.getMessageCount()));
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    private static byte[] rawOf(MimeMessage m) throws MessagingException, IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        m.writeTo(bytes);
        return bytes.toByteArray();
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("helpdesk-mail-demo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteAll(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
