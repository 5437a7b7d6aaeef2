package dev.helpdesk.spi.notification;

import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import java.time.Instant;
import java.util.Locale;
import org.immutables.value.Value;

/**
 * A notice, rendered and ready for a {@link Notifier} to deliver by mail, chat or push. Made by
 * the desk (and by a store that reads back a held notice) with {@link #builder()}; a builder
 * that misses a part throws {@link dev.helpdesk.spi.ConfigurationException} naming each.
 */
@Value.Immutable
public abstract class Notification {

    Notification() {
    }

    /**
     * Starts a notice.
     *
     * @return a builder: not urgent, sent when made unless {@code sendAt} says otherwise
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A stable id for deduplication: the event that caused it and the recipient.
     *
     * @return the id
     */
    public abstract String id();

    /**
     * The tenant.
     *
     * @return the tenant
     */
    public abstract TenantId tenant();

    /**
     * The ticket it is about.
     *
     * @return the ticket's id
     */
    public abstract TicketId ticket();

    /**
     * The ticket's human number.
     *
     * @return the number
     */
    public abstract TicketNumber number();

    /**
     * What it is about.
     *
     * @return the topic
     */
    public abstract Topic topic();

    /**
     * Who it is for.
     *
     * @return the recipient
     */
    public abstract Recipient recipient();

    /**
     * The language it is written in: the recipient's, or English when the desk has no
     * template in the recipient's language.
     *
     * @return the locale
     */
    public abstract Locale locale();

    /**
     * A one-line subject.
     *
     * @return the subject
     */
    public abstract String subject();

    /**
     * The text.
     *
     * @return the body
     */
    public abstract String body();

    /**
     * Whether it may reach the recipient outside their working hours.
     *
     * @return false unless set otherwise
     */
    @Value.Default
    public boolean urgent() {
        return false;
    }

    /**
     * When the desk made it (the time of the event that caused it).
     *
     * @return the instant
     */
    public abstract Instant createdAt();

    /**
     * When the desk handed it over: {@link #createdAt()}, or the start of the recipient's next
     * working hours when it waited for them.
     *
     * @return the instant; the default is {@link #createdAt()}
     */
    @Value.Default
    public Instant sendAt() {
        return createdAt();
    }

    /** Builds a {@link Notification}. Not thread-safe. */
    public static final class Builder extends ImmutableNotification.Builder {
        Builder() {
        }
    }
}
