package dev.helpdesk.spi.ticket;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of tickets.
 *
 * @param items the tickets, in the query's order
 * @param next  the request for the next page, or empty when this is the last one
 */
public record Page(List<Ticket> items, Optional<PageRequest> next) {
    /**
     * Freezes the list.
     *
     * @param items the tickets, in the query's order
     * @param next the request for the next page, or empty when this is the last one
     */
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }
}
