package dev.helpdesk.spi.ticket;

import java.util.Objects;
import java.util.Optional;

/**
 * A page of a listing, by keyset: the next page starts after the ticket that ended the previous
 * one, named by its number, at that ticket's place in the query's order ({@link TicketQuery}).
 * Pages stay stable while tickets are added.
 *
 * @param size  how many tickets at most, 1 to {@link #MAX_SIZE}
 * @param after start after this ticket, or from the first ticket when empty. Under the default
 *              order (ascending number) the number need not name a ticket; under another order
 *              a number that names no ticket of the tenant gives an empty page
 */
public record PageRequest(int size, Optional<TicketNumber> after) {
    /** The largest page. */
    public static final int MAX_SIZE = 500;

    /**
     * Checks the size.
     *
     * @param size how many tickets at most, 1 to {@link #MAX_SIZE}
     * @param after start after this ticket, or from the first ticket when empty. Under the default order (ascending number) the number need not name a ticket; under another order a number that names no ticket of the tenant gives an empty page
     * @throws IllegalArgumentException when the size is out of range
     */
    public PageRequest {
        Objects.requireNonNull(after, "after");
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page size must be 1-" + MAX_SIZE + ": " + size);
        }
    }

    /**
     * The first page.
     *
     * @param size its size
     * @return the request
     */
    public static PageRequest first(int size) {
        return new PageRequest(size, Optional.empty());
    }
}
