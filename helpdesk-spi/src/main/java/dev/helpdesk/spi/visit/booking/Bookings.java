package dev.helpdesk.spi.visit.booking;

import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.visit.VisitId;
import dev.helpdesk.spi.visit.VisitStatus;
import java.util.Optional;

/**
 * How a visit event changes its booking, for stores implementing {@link VisitBookings}: one
 * function, so that every store keeps the same bookings from the same events.
 */
public final class Bookings {
    private Bookings() {
    }

    /**
     * The visit an event is about.
     *
     * @param event any ticket event
     * @return the visit, or empty for an event that is not about a visit
     */
    public static Optional<VisitId> visitOf(TicketEvent event) {
        if (event instanceof TicketEvent.VisitPlanned e) {
            return Optional.of(e.visit());
        } else if (event instanceof TicketEvent.VisitConfirmed e) {
            return Optional.of(e.visit());
        } else if (event instanceof TicketEvent.VisitRescheduled e) {
            return Optional.of(e.visit());
        } else if (event instanceof TicketEvent.VisitCancelled e) {
            return Optional.of(e.visit());
        } else if (event instanceof TicketEvent.VisitDone e) {
            return Optional.of(e.visit());
        }
        return Optional.empty();
    }

    /**
     * The booking after a visit event.
     *
     * @param tenant  the tenant
     * @param current the visit's booking before the event, if it has one
     * @param event   a visit event ({@link #visitOf} is present)
     * @return the booking after it; empty when the event changes a booking the store does not
     *         have (it cannot happen for events the decider made)
     */
    public static Optional<Booking> after(TenantId tenant, Optional<Booking> current, TicketEvent event) {
        if (event instanceof TicketEvent.VisitPlanned e) {
            return Optional.of(new Booking(tenant, e.visit(), e.ticketId(), e.technician(), e.slot(), VisitStatus.PLANNED));
        }
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Booking b = current.get();
        if (event instanceof TicketEvent.VisitConfirmed) {
            return Optional.of(new Booking(tenant, b.visit(), b.ticket(), b.technician(), b.slot(), VisitStatus.CONFIRMED));
        } else if (event instanceof TicketEvent.VisitRescheduled e) {
            return Optional.of(new Booking(tenant, b.visit(), b.ticket(), b.technician(), e.slot(), VisitStatus.RESCHEDULED));
        } else if (event instanceof TicketEvent.VisitCancelled) {
            return Optional.of(new Booking(tenant, b.visit(), b.ticket(), b.technician(), b.slot(), VisitStatus.CANCELLED));
        } else if (event instanceof TicketEvent.VisitDone) {
            return Optional.of(new Booking(tenant, b.visit(), b.ticket(), b.technician(), b.slot(), VisitStatus.DONE));
        }
        return current;
    }

    /**
     * Tells whether an event books a technician's time (a plan or a reschedule), so that the
     * store must check it against the technician's other bookings.
     *
     * @param event any ticket event
     * @return true for {@code VisitPlanned} and {@code VisitRescheduled}
     */
    public static boolean books(TicketEvent event) {
        return event instanceof TicketEvent.VisitPlanned || event instanceof TicketEvent.VisitRescheduled;
    }

    /**
     * The rejection of a booking that overlaps another booking of the same technician.
     *
     * @param wanted the booking the commit would make
     * @param taken  the technician's booking it overlaps
     * @return an {@link Rejection.Invalid} naming {@code slot}
     */
    public static Rejection overlap(Booking wanted, Booking taken) {
        return Rejection.Invalid.of("slot", "technician " + wanted.technician() + " is booked for visit " + taken.visit()
                + " from " + taken.slot().start() + " to " + taken.slot().end() + ", which overlaps " + wanted.slot());
    }
}
