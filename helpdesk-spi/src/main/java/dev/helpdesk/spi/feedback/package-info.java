/**
 * Customer feedback: the scale of satisfaction surveys. The rating itself is a ticket event,
 * {@link dev.helpdesk.spi.ticket.TicketEvent.SatisfactionRated}.
 */
@ValueStyle
package dev.helpdesk.spi.feedback;

import dev.helpdesk.spi.ValueStyle;
