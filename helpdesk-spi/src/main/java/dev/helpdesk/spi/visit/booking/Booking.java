package dev.helpdesk.spi.visit.booking;

import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.visit.VisitId;
import dev.helpdesk.spi.visit.VisitSlot;
import dev.helpdesk.spi.visit.VisitStatus;
import java.util.Objects;

/**
 * A technician's booking for one visit, as the store keeps it beside the ticket's events.
 *
 * @param tenant     the tenant
 * @param visit      the visit
 * @param ticket     the ticket the visit belongs to
 * @param technician the technician
 * @param slot       the slot booked now (the latest after rescheduling)
 * @param status     where the visit stands; a cancelled or done visit no longer holds its slot
 */
public record Booking(TenantId tenant, VisitId visit, TicketId ticket, AgentId technician, VisitSlot slot,
                      VisitStatus status) {
    /**
     * Checks every part is present.
     *
     * @param tenant the tenant
     * @param visit the visit
     * @param ticket the ticket the visit belongs to
     * @param technician the technician
     * @param slot the slot booked now (the latest after rescheduling)
     * @param status where the visit stands; a cancelled or done visit no longer holds its slot
     */
    public Booking {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(visit, "visit");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(technician, "technician");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(status, "status");
    }
}
