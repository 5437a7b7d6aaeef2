package dev.helpdesk.spi.chat;

import dev.helpdesk.spi.internal.Identifiers;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;
import java.util.Objects;
import java.util.UUID;

/**
 * The id of one chat session: a time-ordered UUID from the desk's id generator.
 *
 * @param value the UUID
 */
public record ChatId(UUID value) {
    /**
     * Checks the UUID is present.
     *
     * @param value the UUID
     */
    public ChatId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Wraps a UUID the host's code holds.
     *
     * @param value the UUID
     * @return the id
     */
    public static ChatId of(UUID value) {
        return new ChatId(value);
    }

    /**
     * Reads an id a chat widget sent.
     *
     * @param text the text
     * @return the id, or {@link Rejection.Invalid} naming {@code chat id}
     */
    public static Either<Rejection, ChatId> parse(String text) {
        return Identifiers.parse("chat id", Identifiers.uuidProblem(text), () -> new ChatId(UUID.fromString(text)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
