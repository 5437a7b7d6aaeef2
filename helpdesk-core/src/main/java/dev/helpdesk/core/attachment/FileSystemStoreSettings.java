package dev.helpdesk.core.attachment;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.rejection.FieldError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * Where and how much a {@link FileSystemAttachmentStore} stores.
 *
 * <p>{@code build()} throws a {@link ConfigurationException} naming every bad field.
 */
@Value.Immutable
public abstract class FileSystemStoreSettings {
    /** For the implementation that Immutables generates. */
    public FileSystemStoreSettings() {
    }

    /** The default largest attachment: 32 MiB. */
    public static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;

    /**
     * The directory the store owns; created when missing. Nothing else should write there.
     *
     * @return the root directory
     */
    public abstract Path root();

    /**
     * The largest attachment the store takes, in bytes; a caller's lower limit applies too.
     *
     * @return the limit, {@value #DEFAULT_MAX_BYTES} by default
     */
    @Value.Default
    public long maxBytes() {
        return DEFAULT_MAX_BYTES;
    }

    /**
     * The size of the copy buffer, in bytes: the memory one upload costs.
     *
     * @return the buffer size, 64 KiB by default
     */
    @Value.Default
    public int bufferSize() {
        return 64 * 1024;
    }

    /**
     * Whether the bytes are forced to the disk before they become visible under their key; off
     * only for tests and scratch stores.
     *
     * @return true by default
     */
    @Value.Default
    public boolean sync() {
        return true;
    }

    @Value.Check
    void check() {
        List<FieldError> problems = new ArrayList<>();
        if (maxBytes() < 0) {
            problems.add(new FieldError("maxBytes", "must not be negative: " + maxBytes()));
        }
        if (bufferSize() < 512 || bufferSize() > 16 * 1024 * 1024) {
            problems.add(new FieldError("bufferSize", "must be 512 bytes to 16 MiB: " + bufferSize()));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("file system attachment store settings", problems);
        }
    }

    /**
     * A builder; {@code build()} throws {@link ConfigurationException} naming every missing or bad
     * field.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link FileSystemStoreSettings}. */
    public static final class Builder extends ImmutableFileSystemStoreSettings.Builder {
        Builder() {
        }
    }
}
