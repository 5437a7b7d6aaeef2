/**
 * The rows behind {@link dev.helpdesk.spi.idempotency.IdempotencyStore} in
 * {@code hd_idempotency} and {@code hd_idempotency_error}; the store itself is
 * {@link dev.helpdesk.jdbc.JdbcTicketStore}, which writes a record in the transaction of the
 * command it answers.
 */
package dev.helpdesk.jdbc.idempotency;
