/**
 * Idempotent commands: a host that may send a request twice (a retried HTTP call, a queue that
 * delivers at least once) names it with an {@link dev.helpdesk.spi.idempotency.IdempotencyKey};
 * the desk records the outcome of the first request under the key
 * ({@link dev.helpdesk.spi.idempotency.IdempotencyRecord}) and answers every later request with
 * the same key from that record. The port {@link dev.helpdesk.spi.idempotency.IdempotencyStore}
 * keeps the records; a store that also keeps tickets writes a record in the same transaction as
 * the command's tickets.
 */
@ValueStyle
package dev.helpdesk.spi.idempotency;

import dev.helpdesk.spi.ValueStyle;
