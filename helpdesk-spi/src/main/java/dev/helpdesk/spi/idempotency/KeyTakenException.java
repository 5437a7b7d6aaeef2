package dev.helpdesk.spi.idempotency;

import dev.helpdesk.spi.HelpdeskException;

/**
 * Thrown by {@link IdempotencyStore#commit} when another request recorded an outcome under the
 * key first (a concurrent retry won the race). Nothing of the losing commit was written; the
 * desk catches it and answers with the winner's record, so a host never sees it.
 */
public final class KeyTakenException extends HelpdeskException {
    private static final long serialVersionUID = 1L;
    private final transient IdempotencyKey key;

    /**
     * Makes the exception.
     *
     * @param key the key that was taken
     */
    public KeyTakenException(IdempotencyKey key) {
        super("idempotency key " + key + " already has an outcome");
        this.key = key;
    }

    /**
     * The key.
     *
     * @return the key that was taken
     */
    public IdempotencyKey key() {
        return key;
    }
}
