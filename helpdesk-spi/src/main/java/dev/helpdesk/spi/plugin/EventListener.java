package dev.helpdesk.spi.plugin;

import dev.helpdesk.spi.ticket.RecordedEvent;

/**
 * Receives every ticket event after it was committed: to feed a search index, a data
 * warehouse, a chat integration. Delivery is at least once and in order per ticket; a
 * listener that must not act twice deduplicates on {@link RecordedEvent#eventId()}.
 *
 * <p>A listener that throws does not affect the command that produced the event; the desk
 * logs the failure and, with a store that has an outbox, retries later.
 */
public interface EventListener extends HelpdeskPlugin {
    /**
     * Handles one committed event.
     *
     * @param event the event with its tenant and version
     * @throws Exception when handling failed; the delivery will be retried where the store
     *                   supports it
     */
    void on(RecordedEvent event) throws Exception;
}
