package dev.helpdesk.email.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.helpdesk.email.inbound.MailReceiver;
import dev.helpdesk.email.quarantine.InMemoryQuarantine;
import dev.helpdesk.email.support.Customers;
import dev.helpdesk.email.support.Mailboxes;
import dev.helpdesk.email.support.MemoryAttachmentStore;
import dev.helpdesk.email.support.RecordingIntake;
import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.channel.InboundMessage;
import dev.helpdesk.spi.ticket.Channel;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The IMAP poller against a real IMAP and SMTP server (GreenMail) in the test JVM, one per class. */
class ImapPollerTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withPerMethodLifecycle(false);

    private RecordingIntake intake;
    private MailReceiver receiver;
    private Session customer;

    @BeforeEach
    void reset() throws Exception {
        MAIL.purgeEmailFromAllMailboxes();
        MAIL.setUser("support@acme.example", "support", "secret");
        MAIL.setUser("ana@example.com", "ana", "secret");
        intake = new RecordingIntake();
        receiver = MailReceiver.builder().attachments(new MemoryAttachmentStore(true))
                .quarantine(new InMemoryQuarantine()).intake(intake).build();
        customer = Customers.session(MAIL.getSmtp().getPort());
    }

    private ImapSettings.Builder settings() {
        return ImapSettings.builder().host("127.0.0.1").port(MAIL.getImap().getPort()).ssl(false).plainText(true)
                .username("support").password("secret").timeout(Duration.ofSeconds(10))
                .initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofMillis(400));
    }

    private void customerWrites(int n) throws Exception {
        Customers.send(Customers.mail(customer, "ana@example.com", "Ana Lima", "support@acme.example",
                "Printer offline " + n, "Nothing prints since the update, try " + n + ".", "m" + n + "@example.com", null));
    }

    @Test
    void mail_sent_to_the_desk_mailbox_is_polled_and_handed_to_the_intake() throws Exception {
        customerWrites(1);
        MAIL.waitForIncomingEmail(5000, 1);
        try (ImapPoller poller = new ImapPoller(settings().build(), Mailboxes.ACME, receiver)) {
            assertEquals(1, poller.pollOnce());
        }
        InboundMessage m = intake.last();
        assertEquals(Channel.EMAIL, m.channel());
        assertEquals(Mailboxes.ACME.tenant(), m.tenant());
        assertEquals("support@acme.example", m.endpoint().value());
        assertEquals(ContactAddress.email("ana@example.com"), m.sender());
        assertEquals(Optional.of("Ana Lima"), m.senderName());
        assertEquals("Printer offline 1", m.subject());
        assertEquals("Nothing prints since the update, try 1.", m.text());
        assertEquals("m1@example.com", m.externalId().value());
        assertTrue(m.flags().isEmpty());
        assertEquals(0, count("INBOX"));
        assertEquals(1, count("Processed"));
    }

    @Test
    void a_poller_restarted_mid_batch_hands_nothing_twice_that_it_had_completed() throws Exception {
        for (int i = 1; i <= 5; i++) {
            customerWrites(i);
        }
        MAIL.waitForIncomingEmail(5000, 5);
        intake.failAfterCommitOnCall(3);
        try (ImapPoller first = new ImapPoller(settings().build(), Mailboxes.ACME, receiver)) {
            assertThrows(RecordingIntake.Crash.class, first::pollOnce);
        }
        // the intake answered for the first two mails of the batch before it stopped
        assertEquals(3, count("INBOX"), "the mails not answered for stay unmarked");
        assertEquals(2, count("Processed"));
        try (ImapPoller restarted = new ImapPoller(settings().build(), Mailboxes.ACME, receiver)) {
            assertEquals(3, restarted.pollOnce());
            assertEquals(0, restarted.pollOnce());
        }
        List<String> handed = intake.handed().stream().map(m -> m.externalId().value()).toList();
        assertEquals(List.of("m1@example.com", "m2@example.com", "m3@example.com", "m3@example.com", "m4@example.com",
                "m5@example.com"), handed, "only the mail in flight at the crash came again");
        assertEquals(5, intake.taken().size(), "the intake recorded each mail once");
        assertEquals(handed.stream().distinct().count(), intake.taken().stream().map(InboundMessage::externalId)
                .distinct().count());
        assertEquals(0, count("INBOX"));
        assertEquals(5, count("Processed"));
    }

    @Test
    void the_mails_of_one_read_go_to_the_desk_as_one_batch_and_are_marked_after_it() throws Exception {
        for (int i = 1; i <= 5; i++) {
            customerWrites(i);
        }
        MAIL.waitForIncomingEmail(5000, 5);
        try (ImapPoller poller = new ImapPoller(settings().batchSize(3).build(), Mailboxes.ACME, receiver)) {
            assertEquals(3, poller.pollOnce());
            assertEquals(2, count("INBOX"));
            assertEquals(2, poller.pollOnce());
        }
        assertEquals(List.of(3, 2), intake.batches(), "one batch per read, at most the batch size");
        assertEquals(5, count("Processed"));
    }

    @Test
    void a_desk_that_cannot_record_leaves_the_mail_for_the_next_poll() throws Exception {
        customerWrites(1);
        MAIL.waitForIncomingEmail(5000, 1);
        intake.failBeforeCommitOnCall(1);
        try (ImapPoller poller = new ImapPoller(settings().build(), Mailboxes.ACME, receiver)) {
            assertThrows(RecordingIntake.Crash.class, poller::pollOnce);
            assertEquals(1, count("INBOX"));
            assertEquals(1, poller.pollOnce());
        }
        assertEquals(1, intake.taken().size());
        assertEquals(0, count("INBOX"));
    }

    @Test
    void flag_mode_marks_processed_mail_and_leaves_it_in_place() throws Exception {
        customerWrites(1);
        customerWrites(2);
        MAIL.waitForIncomingEmail(5000, 2);
        ImapSettings flagging = settings().processed(ImapSettings.Processed.FLAG).build();
        try (ImapPoller poller = new ImapPoller(flagging, Mailboxes.ACME, receiver)) {
            assertEquals(2, poller.pollOnce());
        }
        try (ImapPoller restarted = new ImapPoller(flagging, Mailboxes.ACME, receiver)) {
            assertEquals(0, restarted.pollOnce(), "the mark is on the server, not in the poller");
        }
        assertEquals(2, count("INBOX"));
        assertEquals(2, intake.handed().size());
        assertTrue(flagged("INBOX", "HelpdeskProcessed"));
    }

    @Test
    void a_batch_holds_at_most_the_batch_size_and_the_rest_comes_next() throws Exception {
        for (int i = 1; i <= 3; i++) {
            customerWrites(i);
        }
        MAIL.waitForIncomingEmail(5000, 3);
        try (ImapPoller poller = new ImapPoller(settings().batchSize(2).build(), Mailboxes.ACME, receiver)) {
            assertEquals(2, poller.pollOnce());
            assertEquals(1, poller.pollOnce());
        }
        assertEquals(List.of("m1@example.com", "m2@example.com", "m3@example.com"),
                intake.handed().stream().map(m -> m.externalId().value()).toList());
    }

    @Test
    void the_started_poller_takes_new_mail_through_idle_without_waiting_for_its_interval() throws Exception {
        ImapSettings idling = settings().interval(Duration.ofMinutes(30)).build();
        try (ImapPoller poller = new ImapPoller(idling, Mailboxes.ACME, receiver)) {
            poller.start();
            waitFor(() -> count("INBOX") == 0, "the poller is connected");
            Thread.sleep(300);
            customerWrites(1);
            waitFor(() -> intake.handed().size() == 1, "the mail was taken while the poller idled");
        }
        assertEquals("m1@example.com", intake.last().externalId().value());
    }

    @Test
    void the_started_poller_backs_off_and_takes_the_mail_once_the_desk_records_again() throws Exception {
        customerWrites(1);
        MAIL.waitForIncomingEmail(5000, 1);
        intake.failBeforeCommitOnCall(1);
        try (ImapPoller poller = new ImapPoller(settings().interval(Duration.ofMinutes(30)).build(), Mailboxes.ACME,
                receiver)) {
            poller.start();
            waitFor(() -> intake.taken().size() == 1, "taken after the back-off");
        }
        assertEquals(2, intake.handed().size(), "handed once when the desk failed and once after");
        assertEquals(0, count("INBOX"));
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitFor(Condition condition, String what) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (condition.holds()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not within 20 s: " + what);
    }

    private int count(String folderName) throws Exception {
        return withFolder(folderName, f -> {
            try {
                return f == null ? 0 : f.getMessageCount();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private boolean flagged(String folderName, String keyword) throws Exception {
        return withFolder(folderName, f -> {
            try {
                return java.util.Arrays.stream(f.getMessages()).allMatch(m -> {
                    try {
                        return m.getFlags().contains(keyword) && m.getFlags().contains(Flags.Flag.SEEN);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private <T> T withFolder(String name, Function<Folder, T> read) throws Exception {
        Properties p = new Properties();
        Store store = Session.getInstance(p).getStore("imap");
        store.connect("127.0.0.1", MAIL.getImap().getPort(), "support", "secret");
        try {
            Folder folder = store.getFolder(name);
            if (!folder.exists()) {
                return read.apply(null);
            }
            folder.open(Folder.READ_ONLY);
            try {
                return read.apply(folder);
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }
}
