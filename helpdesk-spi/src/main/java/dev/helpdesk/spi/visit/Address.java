package dev.helpdesk.spi.visit;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where a technician goes. Built with {@link #builder()}; the parts are taken as given and
 * checked when a visit is planned, so that a host form's bad input comes back as a
 * {@link dev.helpdesk.spi.rejection.Rejection.Invalid} naming {@code address.street},
 * {@code address.postalCode}, {@code address.city} or {@code address.country}, not as an
 * exception.
 */
@Value.Immutable
public abstract class Address {
    /** The most characters of the street, city or notes line. */
    public static final int MAX_LINE = 200;
    /** The most characters of a postal code. */
    public static final int MAX_POSTAL_CODE = 16;

    Address() {
    }

    /**
     * Street and house number.
     *
     * @return the line
     */
    public abstract String street();

    /**
     * The postal code, as written in the country.
     *
     * @return the code
     */
    public abstract String postalCode();

    /**
     * The city or town.
     *
     * @return the city
     */
    public abstract String city();

    /**
     * The country as an ISO 3166-1 alpha-2 code, such as {@code NL}.
     *
     * @return the code
     */
    public abstract String country();

    /**
     * How to get in (floor, door code, whom to ask), if anything.
     *
     * @return the notes
     */
    public abstract Optional<String> notes();

    /**
     * The address on one line, for notices and reports.
     *
     * @return street, postal code and city, country
     */
    public String oneLine() {
        return street() + ", " + postalCode() + " " + city() + ", " + country();
    }

    /**
     * A builder; every part but the notes is required.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link Address}. */
    public static final class Builder extends ImmutableAddress.Builder {
        Builder() {
        }
    }
}
