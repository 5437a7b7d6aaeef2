package dev.helpdesk.core.attachment;

import dev.helpdesk.spi.StoreException;
import dev.helpdesk.spi.channel.AttachmentRef;
import dev.helpdesk.spi.channel.AttachmentStore;
import dev.helpdesk.spi.channel.Checksum;
import dev.helpdesk.spi.channel.StorageKey;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.IdGenerator;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Keeps attachment bytes in a directory: {@code <root>/t-<tenant>/<2 hex digits>/<id>}.
 *
 * <ul>
 *   <li>Streaming: bytes pass through one buffer of {@link FileSystemStoreSettings#bufferSize()};
 *       an attachment of any size costs that buffer, not its size in heap.</li>
 *   <li>Checksum: the SHA-256 digest is computed while writing, never by reading the file
 *       again.</li>
 *   <li>Atomic: bytes go to a temporary file beside the target (its name starts with a dot, so
 *       no key can name it), are forced to the disk, and are renamed into place in one atomic
 *       step; a reader sees the whole file or nothing, and an upload that fails or runs over the
 *       limit leaves nothing behind.</li>
 *   <li>Bounded: the smaller of the store's {@link FileSystemStoreSettings#maxBytes()} and the
 *       caller's limit; the store stops reading one byte past it.</li>
 *   <li>No way out of the root: a key is checked by {@link StorageKey} (no {@code ..}, no
 *       absolute path, ASCII only), must start with the tenant's own directory, and resolves to
 *       a regular file under the root without following a symbolic link. Tenant directories are
 *       escaped to lower-case ASCII, so tenants {@code Acme} and {@code acme} stay apart on a
 *       file system that ignores case.</li>
 * </ul>
 *
 * <p>File names come from the injected {@link IdGenerator}, so a host's tests can make them
 * reproducible. Safe for concurrent use.
 */
public final class FileSystemAttachmentStore implements AttachmentStore {
    private static final String TEMP_PREFIX = ".upload-";

    private final Path root;
    private final FileSystemStoreSettings settings;
    private final IdGenerator ids;

    /**
     * A store over a directory, created when missing.
     *
     * @param settings where and how much to store
     * @param ids      the source of file names
     * @throws StoreException when the root cannot be created
     */
    public FileSystemAttachmentStore(FileSystemStoreSettings settings, IdGenerator ids) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ids = Objects.requireNonNull(ids, "ids");
        try {
            Files.createDirectories(settings.root());
            this.root = settings.root().toRealPath();
        } catch (IOException e) {
            throw new StoreException("cannot create the attachment root " + settings.root(), e);
        }
    }

    @Override
    public Either<Rejection, AttachmentRef> put(TenantId tenant, String name, String mediaType, InputStream content,
                                                long maxBytes) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(content, "content");
        if (!AttachmentRef.isFileName(name)) {
            return Either.left(Rejection.Invalid.of("name", "must be a file name on one line without control"
                    + " characters, path separators or a leading dot"));
        }
        if (!AttachmentRef.isMediaType(mediaType)) {
            return Either.left(Rejection.Invalid.of("media type", "must be lower-case type/subtype"));
        }
        if (maxBytes < 0) {
            return Either.left(Rejection.Invalid.of("max bytes", "must not be negative"));
        }
        long limit = Math.min(maxBytes, settings.maxBytes());
        UUID id = ids.next();
        String hex = id.toString();
        StorageKey key = StorageKey.of(tenantDirectory(tenant) + "/" + hex.substring(0, 2) + "/" + hex);
        Path target = root.resolve(key.value());
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), TEMP_PREFIX, "");
            MessageDigest digest = sha256();
            long size = copy(content, temp, digest, limit);
            if (size > limit) {
                return Either.left(Rejection.Invalid.of("content", "must be at most " + limit + " bytes"));
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            return Either.right(AttachmentRef.builder().name(name).mediaType(mediaType).size(size)
                    .checksum(Checksum.sha256(digest.digest())).storageKey(key).build());
        } catch (AtomicMoveNotSupportedException e) {
            throw new StoreException("the attachment root " + root + " does not support atomic renames", e);
        } catch (IOException e) {
            throw new StoreException("cannot store attachment " + key, e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    @Override
    public Either<Rejection, InputStream> open(TenantId tenant, StorageKey key) {
        Path file = locate(tenant, key);
        if (file == null) {
            return Either.left(new Rejection.NotFound("attachment", key.value()));
        }
        try {
            return Either.right(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException e) {
            return Either.left(new Rejection.NotFound("attachment", key.value()));
        } catch (IOException e) {
            throw new StoreException("cannot open attachment " + key, e);
        }
    }

    @Override
    public boolean delete(TenantId tenant, StorageKey key) {
        Path file = locate(tenant, key);
        if (file == null) {
            return false;
        }
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StoreException("cannot delete attachment " + key, e);
        }
    }

    /**
     * Removes temporary files that uploads left behind when the process stopped in the middle
     * of one. Call it now and then (daily is plenty) with a time well before any upload that may
     * still run.
     *
     * @param before remove temporary files last written before this time
     * @return how many were removed
     * @throws StoreException when the directory cannot be read
     */
    public int removeAbandonedUploads(Instant before) {
        FileTime limit = FileTime.from(before);
        int removed = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().startsWith(TEMP_PREFIX)
                        && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).compareTo(limit) < 0
                        && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot sweep the attachment root " + root, e);
        }
        return removed;
    }

    /**
     * The directory of one tenant below the root: {@code t-} and the tenant id with every
     * character other than a lower-case letter, a digit or {@code -} written as {@code _} and
     * two hex digits. Lower-case ASCII only, so no two tenants share a directory on a file
     * system that ignores case, and no name ends in a dot (which some systems drop).
     *
     * @param tenant the tenant
     * @return the directory name
     */
    static String tenantDirectory(TenantId tenant) {
        StringBuilder out = new StringBuilder("t-");
        for (char c : tenant.value().toCharArray()) {
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
                out.append(c);
            } else {
                out.append('_').append(Character.forDigit(c >> 4 & 0xF, 16)).append(Character.forDigit(c & 0xF, 16));
            }
        }
        return out.toString();
    }

    private Path locate(TenantId tenant, StorageKey key) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(key, "key");
        if (!key.value().startsWith(tenantDirectory(tenant) + "/")) {
            return null;
        }
        Path file = root.resolve(key.value()).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        for (Path p = file.getParent(); !p.equals(root); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                return null;
            }
        }
        return file;
    }

    private long copy(InputStream content, Path temp, MessageDigest digest, long limit) throws IOException {
        byte[] buffer = new byte[settings.bufferSize()];
        long size = 0;
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
             OutputStream out = Channels.newOutputStream(channel)) {
            int n;
            // read at most one byte past the limit: enough to tell, never more
            while ((n = content.read(buffer, 0, limit - size >= buffer.length ? buffer.length
                    : (int) (limit - size) + 1)) > 0) {
                size += n;
                if (size > limit) {
                    return size;
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            if (settings.sync()) {
                channel.force(true);
            }
        }
        return size;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the sweep of abandoned uploads removes it later
        }
    }

    /**
     * Lists the keys one tenant has in the store, for an operator's check or a migration.
     *
     * @param tenant the tenant
     * @return the keys, in no particular order
     * @throws StoreException when the directory cannot be read
     */
    public List<StorageKey> keys(TenantId tenant) {
        Path dir = root.resolve(tenantDirectory(tenant));
        List<StorageKey> keys = new ArrayList<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return keys;
        }
        try (DirectoryStream<Path> fanout = Files.newDirectoryStream(dir)) {
            for (Path sub : fanout) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(sub)) {
                    for (Path file : files) {
                        String name = file.getFileName().toString();
                        if (!name.startsWith(".")) {
                            keys.add(StorageKey.of(tenantDirectory(tenant) + "/" + sub.getFileName() + "/" + name));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot list the attachments of " + tenant, e);
        }
        return keys;
    }
}
