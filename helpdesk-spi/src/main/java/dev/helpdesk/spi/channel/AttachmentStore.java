package dev.helpdesk.spi.channel;

import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import io.vavr.control.Either;
import java.io.InputStream;

/**
 * Keeps attachment bytes in the host's storage (a file system, an object store, database large
 * objects); the ticket keeps only the {@link AttachmentRef}. A file system implementation
 * ships with the desk's behaviour module.
 *
 * <p>Every operation is scoped to a tenant: a key one tenant got is not found through another.
 * Bytes are streamed: an implementation never holds a whole attachment in memory, so a 25 MB
 * file costs a buffer, not 25 MB of heap. Implementations are safe for concurrent use.
 *
 * <p>Content problems (too large, a name that cannot be kept) are rejections; storage that
 * fails (a full disk, an unreachable bucket) throws {@link dev.helpdesk.spi.StoreException}.
 * Either way nothing partial stays behind.
 */
public interface AttachmentStore {

    /**
     * Stores bytes, reading the stream to its end (or to one byte past the limit), computing the
     * SHA-256 checksum while writing, and making the bytes visible under their key only once
     * complete. Does not close the stream.
     *
     * @param tenant    the tenant that owns the bytes
     * @param name      the file name for the reference; see {@link AttachmentRef#isFileName}
     * @param mediaType the media type for the reference; see {@link AttachmentRef#isMediaType}
     * @param content   the bytes
     * @param maxBytes  the caller's limit; the store's own limit applies too, whichever is lower
     * @return the reference, or {@link Rejection.Invalid} naming {@code content} when the bytes
     *         exceed the limit, {@code name} or {@code media type} when those are malformed
     * @throws dev.helpdesk.spi.StoreException when the storage failed
     */
    Either<Rejection, AttachmentRef> put(TenantId tenant, String name, String mediaType, InputStream content,
                                         long maxBytes);

    /**
     * Opens stored bytes for reading. The caller closes the stream.
     *
     * @param tenant the tenant that owns the bytes
     * @param key    the key from the reference
     * @return the bytes, or {@link Rejection.NotFound} when this tenant has nothing under the key
     * @throws dev.helpdesk.spi.StoreException when the storage failed
     */
    Either<Rejection, InputStream> open(TenantId tenant, StorageKey key);

    /**
     * Deletes stored bytes (a ticket erased, a quarantined message released). Deleting a key that
     * is not there is not an error.
     *
     * @param tenant the tenant that owns the bytes
     * @param key    the key from the reference
     * @return true when something was deleted
     * @throws dev.helpdesk.spi.StoreException when the storage failed
     */
    boolean delete(TenantId tenant, StorageKey key);
}
