/**
 * Tickets: their identifiers and values, their events and state, and the ports a store
 * implements ({@link dev.helpdesk.spi.ticket.TicketStore},
 * {@link dev.helpdesk.spi.ticket.TicketNumberSequence}).
 */
@ValueStyle
package dev.helpdesk.spi.ticket;

import dev.helpdesk.spi.ValueStyle;
