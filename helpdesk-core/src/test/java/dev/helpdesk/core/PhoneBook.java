package dev.helpdesk.core;

import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.channel.CustomerContact;
import dev.helpdesk.spi.channel.CustomerDirectory;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.tenant.TenantId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A customer directory of phone numbers for the tests; it registers nobody. */
final class PhoneBook implements CustomerDirectory {
    private final Map<ContactAddress, CustomerId> numbers = new ConcurrentHashMap<>();

    PhoneBook with(String number, String customer) {
        numbers.put(ContactAddress.phone(number), CustomerId.of(customer));
        return this;
    }

    @Override
    public String name() {
        return "phone-book";
    }

    @Override
    public Optional<CustomerId> resolve(TenantId tenant, ContactAddress address) {
        return Optional.ofNullable(numbers.get(address));
    }

    @Override
    public Optional<CustomerContact> contact(TenantId tenant, CustomerId customer) {
        return Optional.empty();
    }
}
