/**
 * The JDBC adapter: {@link dev.helpdesk.jdbc.JdbcStores} builds a
 * {@link dev.helpdesk.jdbc.JdbcTicketStore} that keeps tickets, their events and an outbox in
 * the host's own relational database (H2, PostgreSQL, MariaDB, MySQL 8).
 */
package dev.helpdesk.jdbc;
