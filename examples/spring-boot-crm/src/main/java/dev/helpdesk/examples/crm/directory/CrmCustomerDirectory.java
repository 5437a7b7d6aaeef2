package dev.helpdesk.examples.crm.directory;

import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.channel.ContactKind;
import dev.helpdesk.spi.channel.CustomerContact;
import dev.helpdesk.spi.channel.CustomerDirectory;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.routing.CustomerLanguages;
import dev.helpdesk.spi.sla.CustomerSegment;
import dev.helpdesk.spi.sla.CustomerSegments;
import dev.helpdesk.spi.tenant.TenantId;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The desk's view of the CRM's customers: an email address resolves to the CRM's customer, a
 * customer's language is the one the CRM records, and the customer's segment is their account's
 * (enterprise accounts get the faster service level and read the enterprise articles).
 *
 * <p>The CRM stays the owner of its customers: the desk never creates one here.
 */
@Component
public class CrmCustomerDirectory implements CustomerDirectory, CustomerSegments, CustomerLanguages {
    private final CrmRepository crm;

    /**
     * A directory on the CRM's tables.
     *
     * @param crm the CRM's repository
     */
    public CrmCustomerDirectory(CrmRepository crm) {
        this.crm = crm;
    }

    @Override
    public String name() {
        return "crm-customers";
    }

    @Override
    public Optional<CustomerId> resolve(TenantId tenant, ContactAddress address) {
        if (address.kind() != ContactKind.EMAIL) {
            return Optional.empty();
        }
        return crm.customerByEmail(address.value()).map(c -> CustomerId.of(c.id()));
    }

    @Override
    public Optional<CustomerContact> contact(TenantId tenant, CustomerId customer) {
        return crm.customer(customer.value()).map(c -> CustomerContact.builder().customer(customer)
                .displayName(c.name()).addAddress(ContactAddress.email(c.email()))
                .language(Locale.forLanguageTag(c.language())).build());
    }

    @Override
    public Optional<CustomerSegment> segmentOf(TenantId tenant, CustomerId customer) {
        return crm.accountOf(customer.value()).map(a -> CustomerSegment.of(a.segment()));
    }

    @Override
    public Optional<Locale> languageOf(TenantId tenant, CustomerId customer) {
        return crm.customer(customer.value()).map(c -> Locale.forLanguageTag(c.language()));
    }
}
