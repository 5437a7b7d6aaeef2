package dev.helpdesk.core.attachment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.time.SettableClock;
import dev.helpdesk.core.time.TimeOrderedIdGenerator;
import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.channel.AttachmentRef;
import dev.helpdesk.spi.channel.StorageKey;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemAttachmentStoreTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path root;
    FileSystemAttachmentStore store;

    @BeforeEach
    void open() {
        store = new FileSystemAttachmentStore(FileSystemStoreSettings.builder().root(root).maxBytes(1024 * 1024)
                .bufferSize(4096).build(), new TimeOrderedIdGenerator(SettableClock.at(T0), new SplittableRandom(7)));
    }

    @Test
    void stored_bytes_read_back_with_their_sha256_checksum() throws Exception {
        byte[] bytes = "%PDF-1.7 an invoice".getBytes(StandardCharsets.UTF_8);
        AttachmentRef ref = store.put(ACME, "Factuur maart.pdf", "application/pdf", new ByteArrayInputStream(bytes),
                Long.MAX_VALUE).get();
        assertEquals("Factuur maart.pdf", ref.name());
        assertEquals(bytes.length, ref.size());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), ref.checksum().hex());
        try (InputStream in = store.open(ACME, ref.storageKey()).get()) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
    }

    @Test
    void bytes_over_the_limit_are_rejected_and_leave_nothing_behind() throws IOException {
        Rejection.Invalid rejection = (Rejection.Invalid) store.put(ACME, "big.bin", "application/octet-stream",
                new ByteArrayInputStream(new byte[10_001]), 10_000).getLeft();
        assertTrue(rejection.names("content"));
        assertTrue(rejection.message().contains("10000"));
        assertEquals(List.of(), regularFiles());
        AttachmentRef exact = store.put(ACME, "exact.bin", "application/octet-stream",
                new ByteArrayInputStream(new byte[10_000]), 10_000).get();
        assertEquals(10_000, exact.size());
    }

    @Test
    void the_store_limit_applies_when_the_caller_allows_more() {
        Rejection r = store.put(ACME, "big.bin", "application/octet-stream",
                new ByteArrayInputStream(new byte[1024 * 1024 + 1]), Long.MAX_VALUE).getLeft();
        assertTrue(((Rejection.Invalid) r).names("content"));
    }

    @Test
    void the_store_reads_only_one_byte_past_the_limit() {
        CountingStream endless = new CountingStream();
        store.put(ACME, "endless.bin", "application/octet-stream", endless, 100_000);
        assertTrue(endless.read <= 100_001 + 4096, "read " + endless.read);
    }

    @Test
    void a_partial_upload_is_never_visible_under_a_key() throws IOException {
        List<List<Path>> seen = new ArrayList<>();
        InputStream slow = new InputStream() {
            int left = 20_000;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                seen.add(regularFiles());
                if (left == 0) {
                    return -1;
                }
                int n = Math.min(len, Math.min(left, 1000));
                left -= n;
                return n;
            }
        };
        AttachmentRef ref = store.put(ACME, "slow.bin", "application/octet-stream", slow, Long.MAX_VALUE).get();
        assertTrue(seen.stream().allMatch(files -> files.stream().allMatch(f -> f.getFileName().toString().startsWith("."))),
                "only temporary files while writing: " + seen);
        assertEquals(List.of(root.toRealPath().resolve(ref.storageKey().value())), regularFiles());
    }

    @Test
    void another_tenant_cannot_read_or_delete_a_key_it_did_not_get() {
        AttachmentRef ref = put(ACME, "secret");
        TenantId other = TenantId.of("Acme");
        assertInstanceOf(Rejection.NotFound.class, store.open(other, ref.storageKey()).getLeft());
        StorageKey sameFileOtherCase = StorageKey.of(ref.storageKey().value().replace("t-acme", "t-Acme"));
        assertInstanceOf(Rejection.NotFound.class, store.open(other, sameFileOtherCase).getLeft());
        assertFalse(store.delete(other, ref.storageKey()));
        assertTrue(store.open(ACME, ref.storageKey()).isRight());
    }

    @Test
    void tenants_differing_only_in_case_or_dots_get_separate_directories() {
        assertNotEquals(FileSystemAttachmentStore.tenantDirectory(TenantId.of("Acme")),
                FileSystemAttachmentStore.tenantDirectory(TenantId.of("acme")));
        assertEquals("t-_2e_2e", FileSystemAttachmentStore.tenantDirectory(TenantId.of("..")));
        AttachmentRef dots = put(TenantId.of(".."), "x");
        assertTrue(dots.storageKey().value().startsWith("t-_2e_2e/"));
    }

    @Test
    void keys_that_point_outside_the_tenant_or_at_temporary_files_find_nothing() throws IOException {
        AttachmentRef ref = put(ACME, "a");
        Files.writeString(root.resolve("t-acme/outside"), "x");
        assertInstanceOf(Rejection.NotFound.class, store.open(ACME, StorageKey.of("t-acme")).getLeft());
        assertInstanceOf(Rejection.NotFound.class, store.open(ACME, StorageKey.of("t-acmex/ab/cd")).getLeft());
        assertInstanceOf(Rejection.NotFound.class,
                store.open(ACME, StorageKey.of(ref.storageKey().value() + "/x")).getLeft());
        assertTrue(StorageKey.parse("t-acme/../t-other/x").isLeft(), "a key with .. cannot even be made");
    }

    @Test
    void a_symbolic_link_inside_the_root_is_not_followed() throws IOException {
        Path outside = Files.createTempFile("outside", ".txt");
        Files.writeString(outside, "not yours");
        Files.createDirectories(root.resolve("t-acme/zz"));
        Files.createSymbolicLink(root.resolve("t-acme/zz/link"), outside);
        assertInstanceOf(Rejection.NotFound.class, store.open(ACME, StorageKey.of("t-acme/zz/link")).getLeft());
        Files.delete(outside);
    }

    @Test
    void delete_removes_the_bytes_once() {
        AttachmentRef ref = put(ACME, "a");
        assertTrue(store.delete(ACME, ref.storageKey()));
        assertFalse(store.delete(ACME, ref.storageKey()));
        assertInstanceOf(Rejection.NotFound.class, store.open(ACME, ref.storageKey()).getLeft());
    }

    @Test
    void names_and_media_types_that_cannot_be_kept_are_rejected() {
        assertTrue(((Rejection.Invalid) store.put(ACME, "../x", "text/plain", InputStream.nullInputStream(), 10)
                .getLeft()).names("name"));
        assertTrue(((Rejection.Invalid) store.put(ACME, "x.txt", "text", InputStream.nullInputStream(), 10)
                .getLeft()).names("media type"));
    }

    @Test
    void abandoned_uploads_are_swept() throws IOException {
        put(ACME, "kept");
        Path dir = Files.createDirectories(root.resolve("t-acme/00"));
        Path leftover = Files.createTempFile(dir, ".upload-", "");
        Files.setLastModifiedTime(leftover, FileTime.from(T0.minusSeconds(3600)));
        assertEquals(1, store.removeAbandonedUploads(T0));
        assertFalse(Files.exists(leftover));
        assertEquals(1, store.keys(ACME).size());
    }

    @Test
    void bad_settings_are_refused_naming_every_field() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> FileSystemStoreSettings.builder().root(root).maxBytes(-1).bufferSize(1).build());
        assertEquals(List.of("maxBytes", "bufferSize"), e.errors().stream().map(f -> f.field()).toList());
    }

    private AttachmentRef put(TenantId tenant, String text) {
        return store.put(tenant, "a.txt", "text/plain", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                1000).get();
    }

    private List<Path> regularFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root.toRealPath())) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static final class CountingStream extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            read += len;
            return len;
        }
    }
}
