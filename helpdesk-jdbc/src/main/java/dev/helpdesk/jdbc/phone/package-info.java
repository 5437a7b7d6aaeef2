/**
 * The hotline's call log in the database: {@link dev.helpdesk.jdbc.phone.JdbcCallLog}, reached
 * through {@link dev.helpdesk.jdbc.JdbcTicketStore#callLog()}.
 */
package dev.helpdesk.jdbc.phone;
