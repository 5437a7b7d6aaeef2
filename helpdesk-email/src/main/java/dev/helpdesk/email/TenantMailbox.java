package dev.helpdesk.email;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.channel.ContactKind;
import dev.helpdesk.spi.channel.EndpointId;
import dev.helpdesk.spi.channel.TicketTag;
import dev.helpdesk.spi.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * One tenant's support mailbox: where customers write, and how the desk's mail out of it looks.
 *
 * <p>{@code build()} throws a {@link ConfigurationException} naming every bad field.
 */
@Value.Immutable
public abstract class TenantMailbox {
    /** For the implementation that Immutables generates. */
    public TenantMailbox() {
    }

    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    /**
     * The tenant whose mailbox it is.
     *
     * @return the tenant
     */
    public abstract TenantId tenant();

    /**
     * The mailbox's address ({@code support@acme.example}): the desk's mail leaves from it.
     *
     * @return the address, of kind {@link ContactKind#EMAIL}
     */
    public abstract ContactAddress address();

    /**
     * The endpoint inbound messages name: the mailbox's address.
     *
     * @return the endpoint
     */
    @Value.Derived
    public EndpointId endpoint() {
        return EndpointId.of(address().value());
    }

    /**
     * The name shown with the address ({@code ACME Support}).
     *
     * @return the name, when set
     */
    public abstract Optional<String> displayName();

    /**
     * Where customers' answers should go, when not to {@link #address()} (a shared inbox the
     * poller reads).
     *
     * @return the reply-to address, when set
     */
    public abstract Optional<ContactAddress> replyTo();

    /**
     * How the ticket number appears in subjects.
     *
     * @return the tag, {@code [#1234]} by default
     */
    @Value.Default
    public TicketTag ticketTag() {
        return TicketTag.DEFAULT;
    }

    /**
     * The domain of the {@code Message-ID}s of the desk's mail.
     *
     * @return the domain, the address's domain by default
     */
    @Value.Default
    public String messageIdDomain() {
        return address().value().substring(address().value().lastIndexOf('@') + 1);
    }

    /**
     * The language of the desk's mail when the message does not say.
     *
     * @return the language, English by default
     */
    @Value.Default
    public Locale locale() {
        return Locale.ENGLISH;
    }

    @Value.Check
    void check() {
        List<FieldError> problems = new ArrayList<>();
        if (address().kind() != ContactKind.EMAIL) {
            problems.add(new FieldError("address", "must be an email address: " + address()));
        }
        replyTo().filter(a -> a.kind() != ContactKind.EMAIL)
                .ifPresent(a -> problems.add(new FieldError("replyTo", "must be an email address: " + a)));
        displayName().filter(n -> n.isBlank() || n.length() > 200 || n.chars().anyMatch(Character::isISOControl))
                .ifPresent(n -> problems.add(new FieldError("displayName", "must be 1-200 characters on one line")));
        if (!DOMAIN.matcher(messageIdDomain()).matches()) {
            problems.add(new FieldError("messageIdDomain", "must be a lower-case domain name: " + messageIdDomain()));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("mailbox of " + tenant(), problems);
        }
    }

    /**
     * A builder; {@code build()} throws {@link ConfigurationException} naming every bad field.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link TenantMailbox}. */
    public static final class Builder extends ImmutableTenantMailbox.Builder {
        Builder() {
        }
    }
}
