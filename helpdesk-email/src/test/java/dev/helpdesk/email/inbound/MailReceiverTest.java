package dev.helpdesk.email.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.email.MailSettings;
import dev.helpdesk.email.quarantine.InMemoryQuarantine;
import dev.helpdesk.email.support.Mailboxes;
import dev.helpdesk.email.support.MemoryAttachmentStore;
import dev.helpdesk.email.support.RecordingIntake;
import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.channel.IntakeOutcome;
import dev.helpdesk.spi.channel.Reason;
import dev.helpdesk.spi.rejection.FieldError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailReceiverTest {
    private final RecordingIntake intake = new RecordingIntake();
    private final MemoryAttachmentStore attachments = new MemoryAttachmentStore(true);
    private final InMemoryQuarantine quarantine = new InMemoryQuarantine();

    private MailReceiver receiver(MailSettings settings) {
        return MailReceiver.builder().settings(settings).attachments(attachments).quarantine(quarantine).intake(intake)
                .build();
    }

    private static byte[] mail(String id, String from) {
        return ("From: " + from + "\r\nTo: support@acme.example\r\nSubject: Help\r\nDate: Mon, 2 Mar 2026 09:14:00 +0100\r\n"
                + "Message-ID: <" + id + ">\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nSee the file.\r\n--b\r\nContent-Type: text/plain; name=a.txt\r\n"
                + "Content-Disposition: attachment; filename=a.txt\r\n\r\nfile\r\n--b--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void a_duplicate_leaves_no_second_copy_of_its_attachments() throws Exception {
        MailReceiver receiver = receiver(MailSettings.DEFAULTS);
        assertInstanceOf(IntakeOutcome.Opened.class, receiver.receive(Mailboxes.ACME, mail("a@x.example", "ana@example.com")));
        assertEquals(1, attachments.count());
        assertInstanceOf(IntakeOutcome.Duplicate.class, receiver.receive(Mailboxes.ACME, mail("a@x.example", "ana@example.com")));
        assertEquals(1, attachments.count());
    }

    @Test
    void a_desk_that_fails_gets_the_exception_and_nothing_stays_behind() {
        intake.failBeforeCommitOnCall(1);
        MailReceiver receiver = receiver(MailSettings.DEFAULTS);
        assertThrows(RecordingIntake.Crash.class, () -> receiver.receive(Mailboxes.ACME, mail("a@x.example", "ana@example.com")));
        assertEquals(0, attachments.count());
    }

    @Test
    void a_refused_automatic_mail_leaves_no_attachments() throws Exception {
        byte[] ooo = new String(mail("o@x.example", "ana@example.com"), StandardCharsets.US_ASCII)
                .replace("Subject: Help", "Subject: Help\r\nAuto-Submitted: auto-replied").getBytes(StandardCharsets.US_ASCII);
        assertInstanceOf(IntakeOutcome.Refused.class, receiver(MailSettings.DEFAULTS).receive(Mailboxes.ACME, ooo));
        assertEquals(0, attachments.count());
    }

    @Test
    void a_sender_writing_in_a_loop_is_quarantined_after_the_limit() throws Exception {
        MailReceiver receiver = receiver(MailSettings.builder().senderLimit(3).senderWindow(Duration.ofHours(1)).build());
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(IntakeOutcome.Opened.class, receiver.receive(Mailboxes.ACME, mail(i + "@x.example", "bot@example.com")));
        }
        IntakeOutcome fourth = receiver.receive(Mailboxes.ACME, mail("4@x.example", "bot@example.com"));
        assertEquals(Reason.RATE_LIMITED, assertInstanceOf(IntakeOutcome.Quarantined.class, fourth).reason().code());
        assertInstanceOf(IntakeOutcome.Opened.class, receiver.receive(Mailboxes.ACME, mail("5@x.example", "ana@example.com")));
        assertEquals(1, quarantine.list(Mailboxes.ACME.tenant()).size());
    }

    @Test
    void a_message_over_the_size_limit_is_quarantined_unread() throws Exception {
        IntakeOutcome outcome = receiver(MailSettings.builder().maxMessageBytes(100).build())
                .receive(Mailboxes.ACME, mail("big@x.example", "ana@example.com"));
        assertEquals(Reason.TOO_LARGE, assertInstanceOf(IntakeOutcome.Quarantined.class, outcome).reason().code());
        assertTrue(intake.handed().isEmpty());
    }

    @Test
    void a_body_over_the_body_limit_becomes_an_attachment_with_a_note() throws Exception {
        String body = "x".repeat(5000);
        byte[] raw = ("From: ana@example.com\r\nDate: Mon, 2 Mar 2026 09:14:00 +0100\r\nSubject: Log\r\n"
                + "Content-Type: text/plain\r\n\r\n" + body + "\r\n").getBytes(StandardCharsets.US_ASCII);
        receiver(MailSettings.builder().maxBodyBytes(1000).build()).receive(Mailboxes.ACME, raw);
        assertEquals("", intake.last().text());
        assertEquals("body.txt", intake.last().attachments().get(0).name());
        assertTrue(intake.last().notes().get(0).contains("kept as an attachment"));
    }

    @Test
    void the_raw_source_is_kept_when_asked() throws Exception {
        byte[] raw = mail("s@x.example", "ana@example.com");
        receiver(MailSettings.builder().keepSource(true).build()).receive(Mailboxes.ACME, raw);
        var source = intake.last().source().get();
        assertEquals("message/rfc822", source.mediaType());
        assertEquals(raw.length, source.size());
        assertEquals(1, intake.last().attachments().size());
    }

    @Test
    void a_receiver_without_its_parts_is_refused_naming_each() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> MailReceiver.builder().build());
        assertEquals(List.of("attachments", "quarantine", "intake"), e.errors().stream().map(FieldError::field).toList());
        ConfigurationException bad = assertThrows(ConfigurationException.class,
                () -> MailSettings.builder().maxDepth(0).senderLimit(-1).senderWindow(Duration.ZERO).build());
        assertEquals(List.of("maxDepth", "senderLimit", "senderWindow"),
                bad.errors().stream().map(FieldError::field).toList());
    }
}
