package dev.helpdesk.jdbc.internal;

import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.TicketId;

/**
 * A ticket of a tenant, as a map key.
 *
 * @param tenant the tenant
 * @param id     the ticket
 */
public record TicketKey(TenantId tenant, TicketId id) {
}
