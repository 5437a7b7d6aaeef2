package dev.helpdesk.spi;

/**
 * A store could not complete an operation for a technical reason (connection lost, disk
 * full, constraint violated by a bug). Nothing was written when this is thrown from a
 * command: the command's change commits whole or not at all.
 */
public class StoreException extends HelpdeskException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates a store failure.
     *
     * @param message what the store was doing
     * @param cause   the underlying failure, may be {@code null}
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
