/**
 * On-site visits: a technician at the customer's {@link dev.helpdesk.spi.visit.Address} in a
 * {@link dev.helpdesk.spi.visit.VisitSlot}, with a {@link dev.helpdesk.spi.visit.VisitStatus}.
 * The values here are what the ticket events of a visit carry
 * ({@link dev.helpdesk.spi.ticket.TicketEvent.VisitPlanned} and the events that follow it);
 * the technicians' bookings across tickets are the port of
 * {@link dev.helpdesk.spi.visit.booking}.
 */
@ValueStyle
package dev.helpdesk.spi.visit;

import dev.helpdesk.spi.ValueStyle;
