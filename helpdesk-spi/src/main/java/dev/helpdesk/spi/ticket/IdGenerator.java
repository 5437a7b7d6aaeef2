package dev.helpdesk.spi.ticket;

import java.util.UUID;

/**
 * Makes ids for tickets and messages. The desk never makes ids any other way, so a host's
 * tests can inject a predictable generator. Implementations must be thread-safe and should
 * return time-ordered UUIDs (version 7), which keep database indexes compact.
 */
@FunctionalInterface
public interface IdGenerator {
    /**
     * A new id, never returned before.
     *
     * @return the id
     */
    UUID next();
}
