package dev.helpdesk.email.support;

import dev.helpdesk.spi.channel.AttachmentRef;
import dev.helpdesk.spi.channel.AttachmentStore;
import dev.helpdesk.spi.channel.Checksum;
import dev.helpdesk.spi.channel.StorageKey;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import io.vavr.control.Either;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An attachment store for tests. With {@code keepBytes} false it only counts and digests what
 * passes through, so a 25 MB attachment costs a buffer; with true it keeps the bytes for checks.
 */
public final class MemoryAttachmentStore implements AttachmentStore {
    private final boolean keepBytes;
    private final Map<String, byte[]> bytes = new LinkedHashMap<>();
    private final Map<String, TenantId> owners = new LinkedHashMap<>();
    private int counter;

    public MemoryAttachmentStore(boolean keepBytes) {
        this.keepBytes = keepBytes;
    }

    @Override
    public synchronized Either<Rejection, AttachmentRef> put(TenantId tenant, String name, String mediaType,
                                                             InputStream content, long maxBytes) {
        MessageDigest digest = sha256();
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        try {
            int n;
            while ((n = content.read(buffer)) > 0) {
                size += n;
                if (size > maxBytes) {
                    return Either.left(Rejection.Invalid.of("content", "must be at most " + maxBytes + " bytes"));
                }
                digest.update(buffer, 0, n);
                if (keepBytes) {
                    kept.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String key = "mem/" + tenant.value() + "/" + (++counter);
        bytes.put(key, kept.toByteArray());
        owners.put(key, tenant);
        return Either.right(AttachmentRef.builder().name(name).mediaType(mediaType).size(size)
                .checksum(Checksum.sha256(digest.digest())).storageKey(StorageKey.of(key)).build());
    }

    @Override
    public synchronized Either<Rejection, InputStream> open(TenantId tenant, StorageKey key) {
        if (!tenant.equals(owners.get(key.value()))) {
            return Either.left(new Rejection.NotFound("attachment", key.value()));
        }
        return Either.right(new ByteArrayInputStream(bytes.get(key.value())));
    }

    @Override
    public synchronized boolean delete(TenantId tenant, StorageKey key) {
        if (!tenant.equals(owners.get(key.value()))) {
            return false;
        }
        owners.remove(key.value());
        return bytes.remove(key.value()) != null;
    }

    /** How many attachments are stored now. */
    public synchronized int count() {
        return bytes.size();
    }

    /** The bytes under a key. */
    public synchronized byte[] bytes(StorageKey key) {
        return bytes.get(key.value());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
