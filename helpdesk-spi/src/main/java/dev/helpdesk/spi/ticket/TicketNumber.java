package dev.helpdesk.spi.ticket;

/**
 * The human number of a ticket, unique within its tenant ({@code #10234}): short enough for
 * a customer to read out on the phone. Numbers are handed out by a
 * {@link TicketNumberSequence}; gaps are possible, duplicates within a tenant are not.
 *
 * @param value a positive number
 */
public record TicketNumber(long value) implements Comparable<TicketNumber> {
    /**
     * Checks the number is positive.
     *
     * @throws IllegalArgumentException when the value is zero or negative
     */
    public TicketNumber {
        if (value <= 0) {
            throw new IllegalArgumentException("ticket number must be positive: " + value);
        }
    }

    /**
     * Makes a ticket number.
     *
     * @param value a positive number
     * @return the ticket number
     */
    public static TicketNumber of(long value) {
        return new TicketNumber(value);
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
