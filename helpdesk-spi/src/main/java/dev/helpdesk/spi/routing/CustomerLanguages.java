package dev.helpdesk.spi.routing;

import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.tenant.TenantId;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells the desk which language a customer speaks: skills routing looks for an agent who
 * speaks it, and notices to the customer are written in it. The host implements it over its
 * own customer data; it should answer from memory or a cache and be safe for concurrent use.
 */
@FunctionalInterface
public interface CustomerLanguages {

    /** A lookup that knows no languages: routing ignores language, notices are in English. */
    CustomerLanguages NONE = (tenant, customer) -> Optional.empty();

    /**
     * The language of a customer.
     *
     * @param tenant   the tenant
     * @param customer the customer
     * @return the language, or empty when unknown
     */
    Optional<Locale> languageOf(TenantId tenant, CustomerId customer);
}
