package dev.helpdesk.email.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.email.MailSettings;
import dev.helpdesk.email.TenantMailbox;
import dev.helpdesk.email.quarantine.InMemoryQuarantine;
import dev.helpdesk.email.support.Mailboxes;
import dev.helpdesk.email.support.MemoryAttachmentStore;
import dev.helpdesk.email.support.RecordingIntake;
import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.channel.CustomerContact;
import dev.helpdesk.spi.channel.CustomerDirectory;
import dev.helpdesk.spi.channel.InboundIntake;
import dev.helpdesk.spi.channel.IntakeOutcome;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The receiver's batch entry ({@link MailReceiver#receiveAll}): the same outcomes and tickets
 * as the mails received one by one, and a failure part way answered with the outcomes of the
 * mails taken and nothing left behind of the others.
 */
class MailBatchTest {
    static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
    private static final AtomicInteger TENANTS = new AtomicInteger();

    /** A CRM that knows every address as its own customer. */
    static final class Everyone implements CustomerDirectory {
        @Override
        public String name() {
            return "everyone";
        }

        @Override
        public Optional<CustomerId> resolve(TenantId tenant, ContactAddress address) {
            String id = "c:" + address.value();
            return Optional.of(CustomerId.of(id.length() <= 128 ? id : id.substring(0, 128)));
        }

        @Override
        public Optional<CustomerContact> contact(TenantId tenant, CustomerId customer) {
            return Optional.empty();
        }
    }

    /** The corpus's raw mails, in the order of their names. */
    static List<byte[]> corpus() {
        try (Stream<Path> files = Files.list(CorpusTest.corpusDirectory())) {
            return files.filter(f -> f.toString().endsWith(".eml")).sorted().map(f -> {
                try {
                    return Files.readAllBytes(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static TenantMailbox newMailbox() {
        return TenantMailbox.builder().tenant(TenantId.of("t" + TENANTS.incrementAndGet()))
                .address(ContactAddress.email("support@acme.example")).build();
    }

    static MailReceiver receiver(InboundIntake intake, MemoryAttachmentStore attachments) {
        return MailReceiver.builder().settings(MailSettings.builder().senderLimit(0).build()).attachments(attachments)
                .quarantine(new InMemoryQuarantine()).intake(intake).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    /** An outcome without the ids that differ between tenants. */
    static String shape(IntakeOutcome o) {
        if (o instanceof IntakeOutcome.Opened x) {
            return "opened #" + x.number().value();
        }
        if (o instanceof IntakeOutcome.Replied x) {
            return "replied #" + x.number().value() + (x.reopened() ? " reopened" : "");
        }
        if (o instanceof IntakeOutcome.FollowUp x) {
            return "follow-up #" + x.number().value();
        }
        if (o instanceof IntakeOutcome.Recorded x) {
            return "recorded #" + x.number().value() + " " + x.reason().code();
        }
        if (o instanceof IntakeOutcome.Duplicate x) {
            return "duplicate " + x.externalId().value();
        }
        if (o instanceof IntakeOutcome.Quarantined x) {
            return "quarantined " + x.reason().code();
        }
        if (o instanceof IntakeOutcome.Refused x) {
            return "refused " + x.reason().code();
        }
        return o.toString();
    }

    static List<String> shapes(List<IntakeOutcome> outcomes) {
        return outcomes.stream().map(MailBatchTest::shape).toList();
    }

    /** The tenant's tickets: number, requester, subject and messages (with their attachments' names). */
    static List<String> tickets(Helpdesk desk, TenantId tenant) {
        List<Ticket> all = new ArrayList<>(desk.tenant(tenant).tickets().list(TicketQuery.all(), PageRequest.first(100),
                Actor.agent("ben")).get().items());
        all.sort(Comparator.comparingLong(t -> t.number().value()));
        return all.stream().map(t -> "#" + t.number().value() + " " + t.requester().value() + " " + t.subject() + " "
                + t.messages().stream().map(m -> m.body()).toList()).toList();
    }

    @Test
    void the_corpus_as_one_batch_answers_and_records_what_it_does_mail_by_mail() throws Exception {
        Helpdesk desk = Helpdesk.builder().plugin(new Everyone()).build();
        MemoryAttachmentStore attachments = new MemoryAttachmentStore(true);
        MailReceiver receiver = receiver(desk.intake(), attachments);
        TenantMailbox batched = newMailbox();
        TenantMailbox single = newMailbox();
        List<byte[]> corpus = corpus();

        List<IntakeOutcome> together = receiver.receiveAll(batched, corpus.stream().map(RawMail::of).toList());
        int storedByBatch = attachments.count();
        List<IntakeOutcome> oneByOne = new ArrayList<>();
        for (byte[] raw : corpus) {
            oneByOne.add(receiver.receive(single, raw));
        }

        assertEquals(corpus.size(), together.size());
        assertEquals(shapes(oneByOne), shapes(together));
        assertEquals(tickets(desk, single.tenant()), tickets(desk, batched.tenant()));
        assertEquals(storedByBatch * 2, attachments.count(), "the same attachments kept");
    }

    @Test
    void spooled_mails_in_a_batch_answer_as_mails_in_memory() throws Exception {
        Helpdesk desk = Helpdesk.builder().plugin(new Everyone()).build();
        MailReceiver receiver = receiver(desk.intake(), new MemoryAttachmentStore(true));
        List<byte[]> corpus = corpus().subList(0, 12);
        List<IntakeOutcome> spooled = receiver.receiveAll(newMailbox(),
                corpus.stream().map(raw -> (RawMail) out -> out.write(raw)).toList());
        List<IntakeOutcome> inMemory = receiver.receiveAll(newMailbox(), corpus.stream().map(RawMail::of).toList());
        assertEquals(shapes(inMemory), shapes(spooled));
    }

    private static byte[] mail(String id) {
        return ("From: ana@example.com\r\nTo: support@acme.example\r\nSubject: Help " + id
                + "\r\nDate: Mon, 2 Mar 2026 09:14:00 +0100\r\nMessage-ID: <" + id + ">\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nSee the file.\r\n"
                + "--b\r\nContent-Type: text/plain; name=a.txt\r\nContent-Disposition: attachment; filename=a.txt\r\n\r\n"
                + "file\r\n--b--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void a_desk_failing_part_way_answers_the_mails_taken_and_keeps_nothing_of_the_others() {
        RecordingIntake intake = new RecordingIntake().failBeforeCommitOnCall(3);
        MemoryAttachmentStore attachments = new MemoryAttachmentStore(true);
        MailReceiver receiver = receiver(intake, attachments);
        byte[] broken = "From: ana@example.com\r\nSubject: no date, no body".getBytes(StandardCharsets.US_ASCII);

        ReceiveInterruptedException e = assertThrows(ReceiveInterruptedException.class, () -> receiver.receiveAll(
                Mailboxes.ACME, List.of(RawMail.of(mail("1@x")), RawMail.of(broken), RawMail.of(mail("2@x")),
                        RawMail.of(mail("3@x")), RawMail.of(mail("4@x")))));

        assertEquals(3, e.taken().size(), "two opened, the broken mail quarantined");
        assertInstanceOf(IntakeOutcome.Opened.class, e.taken().get(0));
        assertInstanceOf(IntakeOutcome.Quarantined.class, e.taken().get(1));
        assertInstanceOf(IntakeOutcome.Opened.class, e.taken().get(2));
        assertInstanceOf(RecordingIntake.Crash.class, e.getCause());
        assertEquals(2, attachments.count(), "the attachments of the mails not taken are removed");
        assertEquals(2, intake.taken().size());
    }

    @Test
    void a_desk_that_takes_nothing_of_a_batch_throws_its_failure_and_keeps_nothing() {
        RecordingIntake intake = new RecordingIntake().failBeforeCommitOnCall(1);
        MemoryAttachmentStore attachments = new MemoryAttachmentStore(true);
        MailReceiver receiver = receiver(intake, attachments);
        assertThrows(RecordingIntake.Crash.class, () -> receiver.receiveAll(Mailboxes.ACME,
                List.of(RawMail.of(mail("1@x")), RawMail.of(mail("2@x")))));
        assertEquals(0, attachments.count());
    }

    @Test
    void a_mail_that_cannot_be_read_ends_the_batch_there_and_the_mails_before_it_are_taken() throws Exception {
        RecordingIntake intake = new RecordingIntake();
        MemoryAttachmentStore attachments = new MemoryAttachmentStore(true);
        MailReceiver receiver = receiver(intake, attachments);
        RawMail unreadable = out -> {
            throw new IOException("connection reset while fetching");
        };

        ReceiveInterruptedException e = assertThrows(ReceiveInterruptedException.class, () -> receiver.receiveAll(
                Mailboxes.ACME, List.of(RawMail.of(mail("1@x")), unreadable, RawMail.of(mail("2@x")))));
        assertEquals(1, e.taken().size());
        assertEquals("connection reset while fetching", e.getCause().getMessage());
        assertEquals(List.of("1@x"), intake.taken().stream().map(m -> m.externalId().value()).toList(),
                "the mail after the unreadable one was not handed to the desk");
        assertEquals(1, attachments.count());

        assertThrows(IOException.class, () -> receiver.receiveAll(Mailboxes.ACME, List.of(unreadable)));
    }
}
