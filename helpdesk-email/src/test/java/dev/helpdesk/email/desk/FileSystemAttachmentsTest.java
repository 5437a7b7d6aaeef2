package dev.helpdesk.email.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.helpdesk.core.attachment.FileSystemAttachmentStore;
import dev.helpdesk.core.attachment.FileSystemStoreSettings;
import dev.helpdesk.core.time.TimeOrderedIdGenerator;
import dev.helpdesk.email.inbound.MailReceiver;
import dev.helpdesk.email.quarantine.InMemoryQuarantine;
import dev.helpdesk.email.support.Mailboxes;
import dev.helpdesk.email.support.RecordingIntake;
import dev.helpdesk.spi.channel.IntakeOutcome;
import dev.helpdesk.spi.channel.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receiver with the core's file system attachment store, as a host wires them. */
class FileSystemAttachmentsTest {
    @TempDir
    Path root;

    @Test
    void an_attachment_whose_encoding_is_broken_quarantines_the_mail_even_when_the_store_wraps_the_failure()
            throws Exception {
        FileSystemAttachmentStore files = new FileSystemAttachmentStore(FileSystemStoreSettings.builder().root(root).build(),
                new TimeOrderedIdGenerator(Clock.systemUTC()));
        RecordingIntake intake = new RecordingIntake();
        MailReceiver receiver = MailReceiver.builder().attachments(files).quarantine(new InMemoryQuarantine())
                .intake(intake).build();

        IntakeOutcome outcome = receiver.receive(Mailboxes.ACME,
                Files.readAllBytes(Path.of("src/test/resources/corpus/048-bad-base64-attachment.eml")));

        assertEquals(Reason.MALFORMED, assertInstanceOf(IntakeOutcome.Quarantined.class, outcome).reason().code());
        assertEquals(0, intake.handed().size());
        try (Stream<Path> left = Files.walk(root)) {
            assertEquals(0, left.filter(Files::isRegularFile).count(), "nothing partial stays in the store");
        }
    }
}
