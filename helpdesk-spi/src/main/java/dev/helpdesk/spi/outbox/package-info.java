/**
 * The transactional outbox port: how the desk makes a store hand committed events to event
 * listeners, at least once and in order per ticket.
 */
package dev.helpdesk.spi.outbox;
