package dev.helpdesk.spi.ticket;

import java.util.Objects;
import java.util.Optional;

/**
 * A page of a listing, by keyset: tickets come in ascending ticket number, and the next page
 * starts after the last number of the previous one. Pages stay stable while tickets are added.
 *
 * @param size  how many tickets at most, 1 to {@link #MAX_SIZE}
 * @param after start after this number, or from the first ticket when empty
 */
public record PageRequest(int size, Optional<TicketNumber> after) {
    /** The largest page. */
    public static final int MAX_SIZE = 500;

    /**
     * Checks the size.
     *
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
