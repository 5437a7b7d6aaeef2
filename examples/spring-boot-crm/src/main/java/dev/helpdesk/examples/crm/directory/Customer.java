package dev.helpdesk.examples.crm.directory;

import java.time.Instant;
import java.util.Optional;

/**
 * A person at an account: the desk's customer.
 *
 * @param id            the CRM's id, also the desk's customer id
 * @param accountId     the account they work for
 * @param name          the display name
 * @param email         the address the desk recognises them by
 * @param phone         a phone number, if known
 * @param language      the language they read (a BCP 47 tag: en, nl, es, ru)
 * @param lastContactAt when the CRM last had contact with them
 */
public record Customer(String id, String accountId, String name, String email, Optional<String> phone,
                       String language, Optional<Instant> lastContactAt) {
}
