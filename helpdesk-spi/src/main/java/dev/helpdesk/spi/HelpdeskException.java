package dev.helpdesk.spi;

/**
 * The root of every infrastructure failure the library reports: a store that cannot be
 * reached, a misconfigured builder, a broken plugin.
 *
 * <p>Domain outcomes (a ticket that does not exist, a transition that is not allowed, bad
 * input) are never exceptions: they are {@link dev.helpdesk.spi.rejection.Rejection} values.
 */
public class HelpdeskException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, for an operator
     */
    public HelpdeskException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the underlying cause.
     *
     * @param message what went wrong, for an operator
     * @param cause   the failure that caused it
     */
    public HelpdeskException(String message, Throwable cause) {
        super(message, cause);
    }
}
