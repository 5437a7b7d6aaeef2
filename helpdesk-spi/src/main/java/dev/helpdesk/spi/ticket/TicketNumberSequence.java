package dev.helpdesk.spi.ticket;

import dev.helpdesk.spi.tenant.TenantId;

/**
 * Hands out human ticket numbers, one sequence per tenant. Must be safe when several threads
 * or several host instances ask at once: a number is never handed out twice for a tenant.
 * Numbers may have gaps (a number taken by a command that was then rejected is not reused).
 */
public interface TicketNumberSequence {
    /**
     * The next number of a tenant; the first is 1.
     *
     * @param tenant the tenant
     * @return a number never handed out before for this tenant
     */
    TicketNumber next(TenantId tenant);
}
