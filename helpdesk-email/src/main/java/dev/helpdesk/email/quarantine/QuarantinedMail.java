package dev.helpdesk.email.quarantine;

import dev.helpdesk.spi.channel.EndpointId;
import dev.helpdesk.spi.channel.QuarantineId;
import dev.helpdesk.spi.channel.Reason;
import dev.helpdesk.spi.tenant.TenantId;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a quarantine keeps about a mail beside its raw bytes: why, when, for whom, and what
 * could be read of its headers, for an operator's list.
 */
@Value.Immutable
public abstract class QuarantinedMail {
    /** For the implementation that Immutables generates. */
    public QuarantinedMail() {
    }

    /**
     * The entry's id: derived from the raw bytes' SHA-256, so the same mail quarantined twice
     * (a poller that restarted) is one entry.
     *
     * @return the id
     */
    public abstract QuarantineId id();

    /**
     * The tenant whose mailbox received it.
     *
     * @return the tenant
     */
    public abstract TenantId tenant();

    /**
     * The mailbox.
     *
     * @return the endpoint
     */
    public abstract EndpointId endpoint();

    /**
     * Why it was not taken.
     *
     * @return the reason
     */
    public abstract Reason reason();

    /**
     * When the desk received it.
     *
     * @return the receipt time
     */
    public abstract Instant receivedAt();

    /**
     * The raw size in bytes.
     *
     * @return the size
     */
    public abstract long size();

    /**
     * The {@code From} header as it stood (one line, cut to 255 characters), when there was one.
     *
     * @return the sender as written
     */
    public abstract Optional<String> from();

    /**
     * The subject, when it could be read.
     *
     * @return the subject
     */
    public abstract Optional<String> subject();

    /**
     * The {@code Message-ID} header as it stood, when there was one.
     *
     * @return the message id
     */
    public abstract Optional<String> messageId();

    /**
     * A builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link QuarantinedMail}. */
    public static final class Builder extends ImmutableQuarantinedMail.Builder {
        Builder() {
        }
    }
}
