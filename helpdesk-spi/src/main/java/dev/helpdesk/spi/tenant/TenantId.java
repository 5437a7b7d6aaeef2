package dev.helpdesk.spi.tenant;

import dev.helpdesk.spi.internal.Identifiers;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;
import java.util.regex.Pattern;

/**
 * Identifies one tenant: a separate customer base of the host (a brand, a client company,
 * a shop). Nothing of one tenant is ever visible through another tenant's view.
 *
 * <p>A tenant id is 1 to 64 characters of letters, digits, {@code '.'}, {@code '_'} and
 * {@code '-'}.
 *
 * @param value the id as the host knows it
 */
public record TenantId(String value) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /**
     * Checks the id, as {@link #of(String)} does.
     *
     * @param value the id as the host knows it
     * @throws dev.helpdesk.spi.ConfigurationException when it is not a valid id
     */
    public TenantId {
        Identifiers.check("tenant id", problem(value));
    }

    /**
     * Makes a tenant id from a value written in the host's code, which is trusted to be valid.
     *
     * @param value the id
     * @return the tenant id
     * @throws dev.helpdesk.spi.ConfigurationException naming the field when the id is not valid
     */
    public static TenantId of(String value) {
        return new TenantId(value);
    }

    /**
     * Reads a tenant id typed by a user or arriving from outside.
     *
     * @param text the text, may be null
     * @return the tenant id, or {@link Rejection.Invalid} naming {@code tenant id} and the problem
     */
    public static Either<Rejection, TenantId> parse(String text) {
        return Identifiers.parse("tenant id", problem(text), () -> new TenantId(text));
    }

    private static String problem(String value) {
        return Identifiers.patternProblem(value, VALID, "must be 1-64 of letters, digits, '.', '_' and '-'");
    }

    /**
     * Tells whether a string would make a valid tenant id, without throwing.
     *
     * @param value a candidate, may be null
     * @return true when {@link #of(String)} accepts it
     */
    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }

    /**
     * Equal when the values are equal. Written out rather than generated: ids are compared and
     * hashed on every command, and a plain field comparison stays cheap wherever it is called.
     *
     * @param other the object to compare with
     * @return whether it is the same TenantId
     */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof TenantId that && value.equals(that.value);
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
