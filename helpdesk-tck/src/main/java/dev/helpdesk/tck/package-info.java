/**
 * Contract tests for ticket stores ({@link dev.helpdesk.tck.TicketStoreContract}) and
 * builders of valid ticket histories made with nothing but the SPI
 * ({@link dev.helpdesk.tck.TicketChangeBuilder}, {@link dev.helpdesk.tck.TckIds}).
 */
package dev.helpdesk.tck;
