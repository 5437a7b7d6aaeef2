/**
 * Idempotent commands in memory: {@link dev.helpdesk.core.idempotency.InMemoryIdempotencyStore}
 * keeps the outcomes of keyed requests beside any ticket store that does not keep them itself.
 * The desk for keyed requests is {@link dev.helpdesk.core.IdempotentDesk}.
 */
package dev.helpdesk.core.idempotency;
