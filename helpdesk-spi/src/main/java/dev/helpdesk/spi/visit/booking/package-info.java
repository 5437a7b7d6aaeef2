/**
 * Technicians' bookings across tickets: the port {@link dev.helpdesk.spi.visit.booking.VisitBookings}
 * that a ticket store implements so that no technician is booked for two visits at once, also
 * when several desks on one database plan visits at the same moment.
 */
@ValueStyle
package dev.helpdesk.spi.visit.booking;

import dev.helpdesk.spi.ValueStyle;
