package dev.helpdesk.spi.knowledge;

import dev.helpdesk.spi.internal.Identifiers;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;
import java.util.UUID;

/**
 * The immutable, globally unique id of a knowledge-base article, the same for every locale
 * variant and every version of it: a UUID (time-ordered when made by the desk's id generator).
 *
 * <p>Ids order by their canonical text form (which is the unsigned order of the UUID's bits),
 * the order a store pages articles in.
 *
 * @param value the UUID
 */
public record ArticleId(UUID value) implements Comparable<ArticleId> {
    /**
     * Checks the value is present.
     *
     * @param value the UUID
     * @throws dev.helpdesk.spi.ConfigurationException when it is null
     */
    public ArticleId {
        Identifiers.check("article id", value == null ? "is required" : null);
    }

    /**
     * Wraps a UUID the host's code holds.
     *
     * @param value the UUID
     * @return the article id
     * @throws dev.helpdesk.spi.ConfigurationException when the value is null
     */
    public static ArticleId of(UUID value) {
        return new ArticleId(value);
    }

    /**
     * Reads the canonical text form, as typed by a user or found in a link.
     *
     * @param text a UUID in its 36-character form, may be null
     * @return the article id, or {@link Rejection.Invalid} naming {@code article id} and the problem
     */
    public static Either<Rejection, ArticleId> parse(String text) {
        return Identifiers.parse("article id", Identifiers.uuidProblem(text), () -> new ArticleId(UUID.fromString(text)));
    }

    /**
     * Orders by the canonical text form: the unsigned order of the bits, as a database orders
     * a UUID or its text.
     *
     * @param other another id
     * @return negative, zero or positive
     */
    @Override
    public int compareTo(ArticleId other) {
        int high = Long.compareUnsigned(value.getMostSignificantBits(), other.value.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(value.getLeastSignificantBits(), other.value.getLeastSignificantBits());
    }

    @Override
    public String toString() {
        return value.toString();
    }

    /**
     * Equal when the values are equal.
     *
     * @param other the object to compare with
     * @return whether it is the same article id
     */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ArticleId that && value.equals(that.value);
    }

    /**
     * The value's hash.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
