/**
 * The JDBC store's part of the channel contract: the index of external message ids
 * ({@code hd_external_message}), written with each commit and read by the intake. Not
 * exported: hosts reach it through {@link dev.helpdesk.jdbc.JdbcTicketStore}, which implements
 * {@link dev.helpdesk.spi.channel.ExternalMessages}.
 */
package dev.helpdesk.jdbc.channel;
