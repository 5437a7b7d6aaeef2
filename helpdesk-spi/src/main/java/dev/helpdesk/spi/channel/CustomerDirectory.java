package dev.helpdesk.spi.channel;

import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.plugin.HelpdeskPlugin;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import io.vavr.control.Either;
import java.util.Optional;

/**
 * The host's CRM as the channels see it: who is behind an address or a phone number, and how a
 * customer wants to be reached. Every channel uses it (email resolves the {@code From} address,
 * the phone channel the caller's number). The host implements it over its own customer data;
 * it should answer from an index or a cache and be safe for concurrent use, since the intake
 * asks once per inbound message.
 */
public interface CustomerDirectory extends HelpdeskPlugin {

    /**
     * The customer behind an address, within a tenant.
     *
     * @param tenant  the tenant whose customers to search
     * @param address the canonical address (see {@link ContactAddress})
     * @return the customer, or empty when the host knows nobody at that address
     */
    Optional<CustomerId> resolve(TenantId tenant, ContactAddress address);

    /**
     * How a customer is reached: addresses in order of preference, the language of replies.
     *
     * @param tenant   the tenant
     * @param customer the customer
     * @return the contact, or empty when the host does not know the customer
     */
    Optional<CustomerContact> contact(TenantId tenant, CustomerId customer);

    /**
     * Creates a customer for an address nobody is known at, when the tenant's policy for unknown
     * senders is to create them. The default refuses: a host whose CRM creates contacts
     * overrides it.
     *
     * @param tenant      the tenant
     * @param address     the sender's canonical address
     * @param displayName the name the message gave, when it gave one
     * @return the new customer, or a rejection the intake reports as the message's refusal
     */
    default Either<Rejection, CustomerId> register(TenantId tenant, ContactAddress address,
                                                   Optional<String> displayName) {
        return Either.left(new Rejection.NotAllowed("the customer directory " + name() + " does not create customers"));
    }

    /**
     * The address a reply to the customer goes to on a channel of the given kind.
     *
     * @param tenant   the tenant
     * @param customer the customer
     * @param kind     the kind of address the channel needs
     * @return the preferred address of that kind, when the customer has one
     */
    default Optional<ContactAddress> preferredAddress(TenantId tenant, CustomerId customer, ContactKind kind) {
        return contact(tenant, customer).flatMap(c -> c.preferred(kind));
    }
}
