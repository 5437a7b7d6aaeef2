package dev.helpdesk.email.support;

import dev.helpdesk.email.TenantMailbox;
import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.tenant.TenantId;

/** The mailboxes the tests use. */
public final class Mailboxes {
    /** ACME's support mailbox. */
    public static final TenantMailbox ACME = TenantMailbox.builder().tenant(TenantId.of("acme"))
            .address(ContactAddress.email("support@acme.example")).displayName("ACME Support").build();

    private Mailboxes() {
    }
}
