package dev.helpdesk.spi.idempotency;

import dev.helpdesk.spi.internal.Identifiers;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;

/**
 * The name a host gives one request so that sending it again does not do it again: any text
 * of 1 to {@value #MAX_LENGTH} characters without control characters, unique per tenant (a
 * UUID the client made, an order number with a step, a message id). The same key in two
 * tenants names two requests.
 *
 * @param value the key
 */
public record IdempotencyKey(String value) {
    /** The longest key, in characters. */
    public static final int MAX_LENGTH = 128;

    /**
     * Checks the key.
     *
     * @param value the key
     * @throws dev.helpdesk.spi.ConfigurationException when it is empty, too long or holds
     *                                                 control characters
     */
    public IdempotencyKey {
        Identifiers.check("idempotency key", Identifiers.textProblem(value, MAX_LENGTH));
    }

    /**
     * A key from trusted code.
     *
     * @param value the key
     * @return the key
     */
    public static IdempotencyKey of(String value) {
        return new IdempotencyKey(value);
    }

    /**
     * A key from a request.
     *
     * @param text the text as received
     * @return the key, or {@link Rejection.Invalid} naming {@code idempotencyKey}
     */
    public static Either<Rejection, IdempotencyKey> parse(String text) {
        String problem = Identifiers.textProblem(text, MAX_LENGTH);
        return problem == null ? Either.right(new IdempotencyKey(text))
                : Either.left(Rejection.Invalid.of("idempotencyKey", problem));
    }

    @Override
    public String toString() {
        return value;
    }
}
