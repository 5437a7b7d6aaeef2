package dev.helpdesk.spi.ticket;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A field the host adds to every ticket of its desk, such as {@code contract-value} (a number)
 * or {@code product} (a text). Declared on the desk's builder; staff and rules set values with
 * {@link TicketEvent.FieldSet}, and escalation conditions compare them. A value is kept in a
 * canonical text form so that equal values are equal texts.
 *
 * @param name the field's name, a {@link Labels label}
 * @param type what kind of values it holds
 */
public record CustomField(String name, Type type) {

    /** The longest text value, in characters. */
    public static final int MAX_TEXT_LENGTH = 500;

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException when the name is not a label
     */
    public CustomField {
        Labels.check("field name", name);
        Objects.requireNonNull(type, "type");
    }

    /**
     * A text field.
     *
     * @param name the name
     * @return the field
     */
    public static CustomField text(String name) {
        return new CustomField(name, Type.TEXT);
    }

    /**
     * A number field.
     *
     * @param name the name
     * @return the field
     */
    public static CustomField number(String name) {
        return new CustomField(name, Type.NUMBER);
    }

    /**
     * A yes/no field.
     *
     * @param name the name
     * @return the field
     */
    public static CustomField flag(String name) {
        return new CustomField(name, Type.FLAG);
    }

    /**
     * A calendar date field.
     *
     * @param name the name
     * @return the field
     */
    public static CustomField date(String name) {
        return new CustomField(name, Type.DATE);
    }

    /** The kinds of values a custom field holds. */
    public enum Type {
        /** Text, at most {@link #MAX_TEXT_LENGTH} characters without control characters. */
        TEXT,
        /** A decimal number such as {@code 1200} or {@code -0.5}. */
        NUMBER,
        /** {@code true} or {@code false}. */
        FLAG,
        /** An ISO date such as {@code 2026-03-02}. */
        DATE;

        /**
         * The canonical form of a value of this type: numbers without trailing zeros or
         * exponent, flags in lower case, dates in ISO form, texts unchanged.
         *
         * @param raw the value as given, may be null
         * @return the canonical form, or empty when the value is not of this type
         */
        public Optional<String> canonical(String raw) {
            if (raw == null) {
                return Optional.empty();
            }
            switch (this) {
                case TEXT:
                    return raw.isEmpty() || raw.length() > MAX_TEXT_LENGTH
                            || raw.codePoints().anyMatch(Character::isISOControl) ? Optional.empty() : Optional.of(raw);
                case NUMBER:
                    try {
                        BigDecimal n = new BigDecimal(raw.trim());
                        return n.signum() == 0 ? Optional.of("0") : Optional.of(n.stripTrailingZeros().toPlainString());
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                case FLAG:
                    String flag = raw.trim().toLowerCase(Locale.ROOT);
                    return flag.equals("true") || flag.equals("false") ? Optional.of(flag) : Optional.empty();
                case DATE:
                    try {
                        return Optional.of(LocalDate.parse(raw.trim()).toString());
                    } catch (DateTimeParseException e) {
                        return Optional.empty();
                    }
                default:
                    throw new IllegalStateException("unknown type " + this);
            }
        }

        /**
         * Tells whether values of this type have an order ({@code above}, {@code below}).
         *
         * @return true for numbers and dates
         */
        public boolean isOrdered() {
            return this == NUMBER || this == DATE;
        }

        /**
         * The order of canonical values of this type: numeric for numbers, chronological for
         * dates, by text otherwise.
         *
         * @return the comparator over canonical forms
         */
        public Comparator<String> order() {
            return switch (this) {
                case NUMBER -> Comparator.comparing(BigDecimal::new);
                case DATE -> Comparator.comparing(LocalDate::parse);
                default -> Comparator.naturalOrder();
            };
        }
    }
}
