package dev.helpdesk.email.quarantine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.channel.EndpointId;
import dev.helpdesk.spi.channel.QuarantineId;
import dev.helpdesk.spi.channel.Reason;
import dev.helpdesk.spi.tenant.TenantId;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemQuarantineTest {
    private static final TenantId ACME = TenantId.of("acme");

    @TempDir
    Path root;

    private static QuarantinedMail entry(String id, TenantId tenant, Instant at) {
        return QuarantinedMail.builder().id(QuarantineId.of(id)).tenant(tenant)
                .endpoint(EndpointId.of("support@acme.example")).reason(Reason.of(Reason.MALFORMED, "no boundary"))
                .receivedAt(at).size(5).from("Ana <ana@example.com>").subject("Zażółć \"x\" = y").build();
    }

    @Test
    void an_entry_keeps_its_raw_mail_and_reads_back_after_a_restart() throws Exception {
        byte[] raw = "raw\r\nmail".getBytes(StandardCharsets.US_ASCII);
        new FileSystemQuarantine(root).put(entry("q-1", ACME, Instant.parse("2026-03-02T09:00:00Z")),
                new ByteArrayInputStream(raw));
        FileSystemQuarantine reopened = new FileSystemQuarantine(root);
        QuarantinedMail found = reopened.find(ACME, QuarantineId.of("q-1")).get();
        assertEquals(entry("q-1", ACME, Instant.parse("2026-03-02T09:00:00Z")), found);
        assertArrayEquals(raw, reopened.open(ACME, QuarantineId.of("q-1")).get().readAllBytes());
    }

    @Test
    void entries_are_listed_oldest_first_per_tenant_and_released_once() throws Exception {
        FileSystemQuarantine q = new FileSystemQuarantine(root);
        q.put(entry("q-2", ACME, Instant.parse("2026-03-02T10:00:00Z")), new ByteArrayInputStream(new byte[1]));
        q.put(entry("q-1", ACME, Instant.parse("2026-03-02T09:00:00Z")), new ByteArrayInputStream(new byte[1]));
        q.put(entry("q-3", TenantId.of("Acme"), Instant.parse("2026-03-02T08:00:00Z")), new ByteArrayInputStream(new byte[1]));
        assertEquals(List.of("q-1", "q-2"), q.list(ACME).stream().map(e -> e.id().value()).toList());
        assertEquals(Optional.empty(), q.find(ACME, QuarantineId.of("q-3")), "tenants differing in case stay apart");
        assertTrue(q.release(ACME, QuarantineId.of("q-1")));
        assertFalse(q.release(ACME, QuarantineId.of("q-1")));
        assertEquals(1, q.list(ACME).size());
    }

    @Test
    void the_same_mail_quarantined_twice_is_one_entry() throws Exception {
        FileSystemQuarantine q = new FileSystemQuarantine(root);
        q.put(entry("q-1", ACME, Instant.parse("2026-03-02T09:00:00Z")), new ByteArrayInputStream(new byte[3]));
        q.put(entry("q-1", ACME, Instant.parse("2026-03-02T09:05:00Z")), new ByteArrayInputStream(new byte[3]));
        assertEquals(1, q.list(ACME).size());
        assertEquals(Instant.parse("2026-03-02T09:00:00Z"), q.list(ACME).get(0).receivedAt());
    }

    @Test
    void an_id_that_could_name_a_path_finds_nothing() throws Exception {
        FileSystemQuarantine q = new FileSystemQuarantine(root);
        assertEquals(Optional.empty(), q.open(ACME, QuarantineId.of("../../etc/passwd")));
        assertFalse(q.release(ACME, QuarantineId.of("../t-acme/q-1")));
    }
}
