package dev.helpdesk.spi.visit.booking;

import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.visit.VisitId;
import dev.helpdesk.spi.visit.VisitSlot;
import java.util.List;
import java.util.Optional;

/**
 * The technicians' bookings, kept by a ticket store that supports on-site visits (the in-memory
 * and the JDBC store do).
 *
 * <p>The contract, checked by the TCK's {@code VisitBookingContract}:
 * <ul>
 *   <li>The store keeps a booking for every visit whose events it commits
 *       ({@code VisitPlanned}, {@code VisitConfirmed}, {@code VisitRescheduled},
 *       {@code VisitCancelled}, {@code VisitDone}), in the same atomic write as the events:
 *       a booking never exists without its ticket's events, nor the reverse.</li>
 *   <li>A commit whose {@code VisitPlanned} or {@code VisitRescheduled} puts a technician in a
 *       slot that overlaps another booking of the same technician that still holds its slot
 *       (see {@link dev.helpdesk.spi.visit.VisitStatus#holdsSlot}) is refused whole with a
 *       {@link dev.helpdesk.spi.rejection.Rejection.Invalid} naming {@code slot}, nothing
 *       written. This holds under concurrent commits on different tickets, also across
 *       processes sharing one database.</li>
 *   <li>Every call names its tenant; nothing of another tenant is read or refused.</li>
 * </ul>
 */
public interface VisitBookings {

    /**
     * The bookings of a technician that hold their slot and overlap a span, earliest first.
     *
     * @param tenant     the tenant
     * @param technician the technician
     * @param span       the span asked about
     * @return the bookings
     */
    List<Booking> bookings(TenantId tenant, AgentId technician, VisitSlot span);

    /**
     * One visit's booking, whatever its status.
     *
     * @param tenant the tenant
     * @param visit  the visit
     * @return the booking, or empty when the store has none of that tenant
     */
    Optional<Booking> booking(TenantId tenant, VisitId visit);
}
