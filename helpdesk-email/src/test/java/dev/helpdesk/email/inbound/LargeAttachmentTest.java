package dev.helpdesk.email.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import dev.helpdesk.email.MailSettings;
import dev.helpdesk.email.quarantine.FileSystemQuarantine;
import dev.helpdesk.email.support.Mailboxes;
import dev.helpdesk.email.support.MemoryAttachmentStore;
import dev.helpdesk.email.support.RecordingIntake;
import dev.helpdesk.spi.channel.AttachmentRef;
import dev.helpdesk.spi.channel.IntakeOutcome;
import dev.helpdesk.spi.channel.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large attachments stream: a 25 MB attachment reaches the attachment store with heap growth
 * below twice its size (measured: the bytes the receiving thread allocated, which bound the
 * growth, and the peak of the used heap sampled while it ran), and a 50 MB one is quarantined
 * whole with its reason.
 */
class LargeAttachmentTest {
    private static final int MB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void a_25_mb_attachment_streams_to_the_store_with_heap_growth_below_twice_its_size() throws Exception {
        int size = 25 * MB;
        Path mail = dir.resolve("large.eml");
        String sha = writeMail(mail, size, 25);
        MemoryAttachmentStore store = new MemoryAttachmentStore(false);
        RecordingIntake intake = new RecordingIntake();
        MailReceiver receiver = MailReceiver.builder().attachments(store).quarantine(new FileSystemQuarantine(dir.resolve("q")))
                .intake(intake).settings(MailSettings.builder().spoolDirectory(dir.resolve("spool")).build()).build();
        receiver.receive(Mailboxes.ACME, "warm-up".getBytes(StandardCharsets.US_ASCII));

        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        IntakeOutcome outcome;
        try (InputStream in = Files.newInputStream(mail)) {
            outcome = receiver.receive(Mailboxes.ACME, in);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        sampler.interrupt();
        sampler.join();
        long peakGrowth = peak.get() - before;

        assertInstanceOf(IntakeOutcome.Opened.class, outcome);
        AttachmentRef ref = intake.last().attachments().get(0);
        assertEquals(size, ref.size());
        assertEquals(sha, ref.checksum().hex(), "the bytes arrived whole");
        System.out.printf("25 MB attachment: the receiving thread allocated %.1f MB, the sampled heap grew by at most %.1f MB"
                + " (limit %.1f MB)%n", allocated / (double) MB, peakGrowth / (double) MB, 2.0 * size / MB);
        assertTrue(allocated < 2L * size, "allocated " + allocated + " bytes for a " + size + "-byte attachment");
        assertTrue(peakGrowth < 2L * size, "heap grew by " + peakGrowth + " bytes for a " + size + "-byte attachment");
        try (var spool = Files.list(dir.resolve("spool"))) {
            assertEquals(0, spool.count(), "the spool is emptied");
        }
    }

    @Test
    void a_50_mb_attachment_is_quarantined_whole_with_its_reason() throws Exception {
        Path mail = dir.resolve("huge.eml");
        writeMail(mail, 50 * MB, 50);
        MemoryAttachmentStore store = new MemoryAttachmentStore(false);
        RecordingIntake intake = new RecordingIntake();
        FileSystemQuarantine quarantine = new FileSystemQuarantine(dir.resolve("q"));
        MailReceiver receiver = MailReceiver.builder().attachments(store).quarantine(quarantine).intake(intake).build();
        IntakeOutcome outcome;
        try (InputStream in = Files.newInputStream(mail)) {
            outcome = receiver.receive(Mailboxes.ACME, in);
        }
        IntakeOutcome.Quarantined q = assertInstanceOf(IntakeOutcome.Quarantined.class, outcome);
        assertEquals(Reason.TOO_LARGE, q.reason().code());
        assertTrue(q.reason().detail().contains("report.bin"), q.reason().detail());
        assertEquals(0, store.count());
        assertTrue(intake.handed().isEmpty());
        try (InputStream kept = quarantine.open(Mailboxes.ACME.tenant(), q.id()).get()) {
            assertEquals(Files.size(mail), kept.transferTo(OutputStream.nullOutputStream()), "the raw mail is kept whole");
        }
    }

    /** Writes a mail with one base64 attachment of random bytes without holding it in memory. */
    private static String writeMail(Path file, int size, long seed) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Random random = new Random(seed);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("From: Ana Lima <ana@example.com>\r\nTo: support@acme.example\r\nSubject: Crash dump\r\n"
                    + "Date: Mon, 2 Mar 2026 09:14:00 +0100\r\nMessage-ID: <dump-" + seed + "@example.com>\r\n"
                    + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
                    + "Content-Type: text/plain\r\n\r\nThe dump is attached.\r\n--b\r\n"
                    + "Content-Type: application/octet-stream; name=\"report.bin\"\r\n"
                    + "Content-Disposition: attachment; filename=\"report.bin\"\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            OutputStream encoder = Base64.getMimeEncoder().wrap(new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() {
                }
            });
            byte[] chunk = new byte[57 * 1024];
            int left = size;
            while (left > 0) {
                int n = Math.min(left, chunk.length);
                random.nextBytes(chunk);
                encoder.write(chunk, 0, n);
                digest.update(chunk, 0, n);
                left -= n;
            }
            encoder.close();
            out.write("\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
