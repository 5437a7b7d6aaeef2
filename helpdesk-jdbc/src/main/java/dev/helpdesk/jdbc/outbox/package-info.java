/**
 * The transactional outbox: committed events wait in {@code hd_outbox} until the
 * {@link dev.helpdesk.jdbc.outbox.OutboxRelay} has handed them to every event listener, with
 * retries, back-off and dead letters.
 */
package dev.helpdesk.jdbc.outbox;
