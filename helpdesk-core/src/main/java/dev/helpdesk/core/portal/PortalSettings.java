package dev.helpdesk.core.portal;

import dev.helpdesk.spi.channel.AttachmentStore;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The customer portal's settings: the host's web forms, and where the files customers attach
 * are kept (without an {@link AttachmentStore} the portal takes no files).
 */
@Value.Immutable
public abstract class PortalSettings {

    PortalSettings() {
    }

    /**
     * Starts the settings.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * No forms: the portal lists, reads and replies only.
     *
     * @return empty settings
     */
    public static PortalSettings none() {
        return builder().build();
    }

    /**
     * The web forms.
     *
     * @return the forms, by unique name
     */
    public abstract List<WebForm> forms();

    /**
     * A form by name.
     *
     * @param name the name
     * @return the form
     */
    public Optional<WebForm> form(String name) {
        return forms().stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /**
     * Where the files customers attach to replies and submissions are kept; the ticket keeps
     * their name, media type, size and checksum. Empty: the portal refuses files.
     *
     * @return the host's attachment store
     */
    public abstract Optional<AttachmentStore> attachments();

    /**
     * The largest file a customer may attach; the store's own limit applies too.
     *
     * @return bytes, 10 MiB unless set
     */
    @Value.Default
    public long maxAttachmentBytes() {
        return 10L * 1024 * 1024;
    }

    /**
     * The most files one reply or submission may carry.
     *
     * @return the count, 10 unless set
     */
    @Value.Default
    public int maxAttachments() {
        return 10;
    }

    @Value.Check
    void check() {
        if (maxAttachmentBytes() < 1) {
            throw new IllegalArgumentException("maxAttachmentBytes must be positive: " + maxAttachmentBytes());
        }
        if (maxAttachments() < 1) {
            throw new IllegalArgumentException("maxAttachments must be positive: " + maxAttachments());
        }
        Set<String> names = new HashSet<>();
        for (WebForm f : forms()) {
            if (!names.add(f.name())) {
                throw new IllegalArgumentException("two web forms are named " + f.name());
            }
        }
    }

    /** Builds the settings; not thread-safe. */
    public static final class Builder extends ImmutablePortalSettings.Builder {
        Builder() {
        }
    }
}
