/**
 * Remote sessions with the customer's consent: the identifiers and values that the ticket
 * events of a remote session carry ({@link dev.helpdesk.spi.ticket.TicketEvent.ConsentRequested}
 * and the events that follow it).
 *
 * <p>No session starts without the customer's consent: an agent asks for it (purpose, a
 * {@link dev.helpdesk.spi.remote.ConsentScope}, a duration), the customer grants or denies it
 * by a single-use link or in the portal ({@link dev.helpdesk.spi.remote.ConsentRoute}), and may
 * revoke it at any time; a session ends for one of the reasons of
 * {@link dev.helpdesk.spi.remote.SessionEnd}. The remote tool itself is the host's: the desk
 * records its name and what was done with it.
 */
@ValueStyle
package dev.helpdesk.spi.remote;

import dev.helpdesk.spi.ValueStyle;
