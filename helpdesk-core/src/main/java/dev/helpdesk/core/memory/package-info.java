/**
 * In-memory adapters: a {@link dev.helpdesk.spi.ticket.TicketStore} for tests, demos and
 * hosts that do not need durability.
 */
package dev.helpdesk.core.memory;
