package dev.helpdesk.core.attachment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.time.SettableClock;
import dev.helpdesk.core.time.TimeOrderedIdGenerator;
import dev.helpdesk.spi.channel.AttachmentRef;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Invariants of the file system store over arbitrary tenants and contents. */
class FileSystemAttachmentStoreProperties {
    private static Path root;
    private static FileSystemAttachmentStore store;

    @BeforeContainer
    static void open() throws IOException {
        root = Files.createTempDirectory("attachments").toRealPath();
        store = new FileSystemAttachmentStore(FileSystemStoreSettings.builder().root(root).sync(false).build(),
                new TimeOrderedIdGenerator(SettableClock.at(Instant.parse("2026-03-02T09:00:00Z")),
                        new SplittableRandom(11)));
    }

    @AfterContainer
    static void close() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Property(tries = 200)
    void what_goes_in_comes_out_with_its_checksum_and_only_for_its_tenant(
            @ForAll("tenants") String tenantId, @ForAll("tenants") String otherId, @ForAll byte[] bytes)
            throws Exception {
        TenantId tenant = TenantId.of(tenantId);
        AttachmentRef ref = store.put(tenant, "f.bin", "application/octet-stream", new ByteArrayInputStream(bytes),
                Long.MAX_VALUE).get();
        assertEquals(bytes.length, ref.size());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), ref.checksum().hex());
        assertTrue(root.resolve(ref.storageKey().value()).normalize().startsWith(root));
        try (InputStream in = store.open(tenant, ref.storageKey()).get()) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
        if (!otherId.equals(tenantId)) {
            assertInstanceOf(Rejection.NotFound.class, store.open(TenantId.of(otherId), ref.storageKey()).getLeft());
        }
    }

    @Provide
    Arbitrary<String> tenants() {
        return Arbitraries.strings().withChars("aAbB.-_0").ofMinLength(1).ofMaxLength(6);
    }
}
