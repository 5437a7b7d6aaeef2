package dev.helpdesk.spi.tenant;

import java.util.Objects;
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
     * Checks the id.
     *
     * @throws IllegalArgumentException when the value is null or not a valid id
     */
    public TenantId {
        Objects.requireNonNull(value, "tenant id");
        if (!isValid(value)) {
            throw new IllegalArgumentException("tenant id must be 1-64 of [A-Za-z0-9._-]: " + value);
        }
    }

    /**
     * Makes a tenant id.
     *
     * @param value the id
     * @return the tenant id
     * @throws IllegalArgumentException when the value is not a valid id
     */
    public static TenantId of(String value) {
        return new TenantId(value);
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
