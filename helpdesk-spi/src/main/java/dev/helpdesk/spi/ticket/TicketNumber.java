package dev.helpdesk.spi.ticket;

import dev.helpdesk.spi.internal.Identifiers;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;
import java.util.regex.Pattern;

/**
 * The human number of a ticket, unique within its tenant ({@code #10234}): short enough for
 * a customer to read out on the phone. Numbers are handed out by a
 * {@link TicketNumberSequence}; gaps are possible, duplicates within a tenant are not.
 *
 * @param value a positive number
 */
public record TicketNumber(long value) implements Comparable<TicketNumber> {
    /** {@code #10234} or {@code 10234}: up to 18 digits, so that every such text fits a {@code long}. */
    private static final Pattern TEXT = Pattern.compile("#?[1-9][0-9]{0,17}");

    /**
     * Checks the number is positive.
     *
     * @param value a positive number
     * @throws dev.helpdesk.spi.ConfigurationException when the value is zero or negative
     */
    public TicketNumber {
        Identifiers.check("ticket number", value > 0 ? null : "must be positive");
    }

    /**
     * Makes a ticket number the host's code holds.
     *
     * @param value a positive number
     * @return the ticket number
     * @throws dev.helpdesk.spi.ConfigurationException when the value is zero or negative
     */
    public static TicketNumber of(long value) {
        return new TicketNumber(value);
    }

    /**
     * Reads a ticket number as a customer reads it out or types it: {@code #10234} or
     * {@code 10234}.
     *
     * @param text the text, may be null
     * @return the number, or {@link Rejection.Invalid} naming {@code ticket number} and the problem
     */
    public static Either<Rejection, TicketNumber> parse(String text) {
        String problem = Identifiers.patternProblem(text, TEXT,
                "must be a positive whole number of at most 18 digits, with or without a leading '#'");
        return Identifiers.parse("ticket number", problem,
                () -> new TicketNumber(Long.parseLong(text.startsWith("#") ? text.substring(1) : text)));
    }

    @Override
    public int compareTo(TicketNumber other) {
        return Long.compare(value, other.value);
    }

    /**
     * The display form, with a leading {@code #}.
     *
     * @return such as {@code #10234}
     */
    @Override
    public String toString() {
        return "#" + value;
    }

    /**
     * Equal when the values are equal. Written out rather than generated: ids are compared and
     * hashed on every command, and a plain field comparison stays cheap wherever it is called.
     *
     * @param other the object to compare with
     * @return whether it is the same TicketNumber
     */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof TicketNumber that && value == that.value;
    }

    /**
     * The value's hash.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }
}
