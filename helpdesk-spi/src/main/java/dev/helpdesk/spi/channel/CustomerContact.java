package dev.helpdesk.spi.channel;

import dev.helpdesk.spi.party.CustomerId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How the host's CRM says a customer is reached: the addresses in order of preference and the
 * language replies are written in.
 */
@Value.Immutable
public abstract class CustomerContact {
    /** For the implementation that Immutables generates. */
    public CustomerContact() {
    }

    /**
     * The customer.
     *
     * @return the customer
     */
    public abstract CustomerId customer();

    /**
     * How replies address the customer ({@code Ana Lima}).
     *
     * @return the name, when known
     */
    public abstract Optional<String> displayName();

    /**
     * The customer's addresses, the preferred first (of each kind, the first of that kind is
     * preferred).
     *
     * @return the addresses
     */
    public abstract List<ContactAddress> addresses();

    /**
     * The language replies and notices are written in.
     *
     * @return the language, when known
     */
    public abstract Optional<Locale> language();

    /**
     * The preferred address of one kind.
     *
     * @param kind the kind, such as {@link ContactKind#EMAIL}
     * @return the first address of that kind, when the customer has one
     */
    public final Optional<ContactAddress> preferred(ContactKind kind) {
        return addresses().stream().filter(a -> a.kind() == kind).findFirst();
    }

    /**
     * A builder; {@code build()} throws {@link dev.helpdesk.spi.ConfigurationException} naming every
     * missing part.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CustomerContact}. */
    public static final class Builder extends ImmutableCustomerContact.Builder {
        Builder() {
        }

        /**
         * Adds an address after those added before (the first of each kind is preferred).
         *
         * @param address the address
         * @return this builder
         */
        public Builder addAddress(ContactAddress address) {
            addAddresse(address);
            return this;
        }
    }
}
