package dev.helpdesk.spi.ticket;

import dev.helpdesk.spi.tenant.TenantId;
import java.util.Objects;

/**
 * An event as a store holds it: with its tenant and its position in the ticket's history.
 *
 * @param tenant  the tenant
 * @param version the ticket's version after this event (1 for the opening)
 * @param event   the event
 */
public record RecordedEvent(TenantId tenant, long version, TicketEvent event) {
    /**
     * Checks the parts.
     *
     * @param tenant the tenant
     * @param version the ticket's version after this event (1 for the opening)
     * @param event the event
     */
    public RecordedEvent {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(event, "event");
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
    }

    /**
     * A stable id of this event, the same in every store and on every delivery, for listeners
     * that deduplicate: {@code <ticket id>/<version>}.
     *
     * @return the event id
     */
    public String eventId() {
        return event.ticketId() + "/" + version;
    }

    /**
     * The ticket this event belongs to.
     *
     * @return its id
     */
    public TicketId ticketId() {
        return event.ticketId();
    }
}
