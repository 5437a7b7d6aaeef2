package dev.helpdesk.spi.ticket;

import dev.helpdesk.spi.internal.Configured;
import dev.helpdesk.spi.internal.Identifiers;
import dev.helpdesk.spi.rejection.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A field the host adds to every ticket of its desk, such as {@code contract-value} (a number)
 * or {@code product} (a text). Declared on the desk's builder; staff and rules set values with
 * {@link TicketEvent.FieldSet}, and escalation conditions compare them. A value is kept in a
 * canonical text form so that equal values are equal texts; a ticket's current values are
 * {@link Ticket#fields()}.
 *
 * <p>Who may see and set a field is its {@link #access()}: staff only unless the host says
 * otherwise. A field is written in the host's code ({@link #text}, {@link #number},
 * {@link #flag}, {@link #date}, {@link #withAccess}); a name that is not a label throws
 * {@link dev.helpdesk.spi.ConfigurationException}.
 */
@Value.Immutable
public abstract class CustomField {

    /** The longest text value, in characters (Unicode code points). */
    public static final int MAX_TEXT_LENGTH = 500;
    /** The most digits of a number value before its decimal point. */
    public static final int MAX_INTEGER_DIGITS = 24;
    /** The most digits of a number value after its decimal point, trailing zeros aside. */
    public static final int MAX_FRACTION_DIGITS = 12;
    /** The longest text a number value may be written in, exponent and sign included. */
    public static final int MAX_NUMBER_TEXT_LENGTH = 100;

    CustomField() {
    }

    /**
     * The field's name.
     *
     * @return a {@link Labels label}
     */
    public abstract String name();

    /**
     * What kind of values it holds.
     *
     * @return the type
     */
    public abstract Type type();

    /**
     * Who may see and set the field.
     *
     * @return {@link Access#STAFF} unless the host says otherwise
     */
    @Value.Default
    public Access access() {
        return Access.STAFF;
    }

    /**
     * The same field with other access.
     *
     * @param value who may see and set it
     * @return the field
     */
    public abstract CustomField withAccess(Access value);

    @Value.Check
    void check() {
        String problem = Labels.problem(name());
        if (problem != null) {
            Configured.check("custom field", List.of(new FieldError("name", problem)));
        }
    }

    /**
     * Tells whether a customer sees the field's value on their own ticket.
     *
     * @return true for {@link Access#CUSTOMER_SEES} and {@link Access#CUSTOMER_SETS}
     */
    public boolean customerMaySee() {
        return access() != Access.STAFF;
    }

    /**
     * Tells whether a customer may give the field a value (when opening a ticket, for instance).
     *
     * @return true for {@link Access#CUSTOMER_SETS}
     */
    public boolean customerMaySet() {
        return access() == Access.CUSTOMER_SETS;
    }

    /**
     * A field of a type, staff only.
     *
     * @param name the name, a label
     * @param type the type
     * @return the field
     * @throws dev.helpdesk.spi.ConfigurationException when the name is not a label
     */
    public static CustomField of(String name, Type type) {
        return new Builder().name(name).type(type).build();
    }

    /**
     * A text field, staff only.
     *
     * @param name the name
     * @return the field
     */
    public static CustomField text(String name) {
        return of(name, Type.TEXT);
    }

    /**
     * A number field, staff only.
     *
     * @param name the name
     * @return the field
     */
    public static CustomField number(String name) {
        return of(name, Type.NUMBER);
    }

    /**
     * A yes/no field, staff only.
     *
     * @param name the name
     * @return the field
     */
    public static CustomField flag(String name) {
        return of(name, Type.FLAG);
    }

    /**
     * A calendar date field, staff only.
     *
     * @param name the name
     * @return the field
     */
    public static CustomField date(String name) {
        return of(name, Type.DATE);
    }

    /** Who may see and set a custom field's value. */
    public enum Access {
        /** Only staff and rules: a customer neither sees nor sets it. The default. */
        STAFF,
        /** A customer sees the value on their own ticket; only staff and rules set it. */
        CUSTOMER_SEES,
        /** A customer sees the value and may set it, for instance when opening a ticket. */
        CUSTOMER_SETS
    }

    /** 1 to {@link #MAX_TEXT_LENGTH} code points; spaces anywhere, but no control character, line break or broken character. */
    private static boolean isPlainText(String raw) {
        return !raw.isEmpty() && raw.codePointCount(0, raw.length()) <= MAX_TEXT_LENGTH
                && Identifiers.textProblem("x" + raw + "x", MAX_TEXT_LENGTH + 2) == null;
    }

    /** Builds a {@link CustomField}. Not thread-safe. */
    static final class Builder extends ImmutableCustomField.Builder {
        Builder() {
        }
    }

    /** The kinds of values a custom field holds. */
    public enum Type {
        /** Text, at most {@link #MAX_TEXT_LENGTH} characters without control characters. */
        TEXT,
        /**
         * A decimal number such as {@code 1200} or {@code -0.5}: at most
         * {@link #MAX_INTEGER_DIGITS} digits before the point and {@link #MAX_FRACTION_DIGITS}
         * after it (trailing zeros do not count), written in at most
         * {@link #MAX_NUMBER_TEXT_LENGTH} characters, with or without an exponent
         * ({@code 1.5e3}). So every value fits a SQL {@code DECIMAL(36, 12)} and a canonical form
         * is at most 38 characters; {@code 1e999999999} is simply not a number value.
         */
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
                    return isPlainText(raw) ? Optional.of(raw) : Optional.empty();
                case NUMBER:
                    return number(raw.trim());
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
         * The rule for values of this type, in words for a field error.
         *
         * @return such as {@code a number with at most 24 digits before the point and 12 after}
         */
        public String rule() {
            return switch (this) {
                case TEXT -> "a text of 1-" + MAX_TEXT_LENGTH + " characters without control characters";
                case NUMBER -> "a number with at most " + MAX_INTEGER_DIGITS + " digits before the point and "
                        + MAX_FRACTION_DIGITS + " after";
                case FLAG -> "true or false";
                case DATE -> "an ISO date such as 2026-03-02";
            };
        }

        private static Optional<String> number(String text) {
            if (text.isEmpty() || text.length() > MAX_NUMBER_TEXT_LENGTH) {
                return Optional.empty();
            }
            BigDecimal n;
            try {
                n = new BigDecimal(text);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (n.signum() == 0) {
                return Optional.of("0");
            }
            // bounds checked before the plain form is written: 1e999999999 would be a billion digits
            BigDecimal stripped = n.stripTrailingZeros();
            long integerDigits = (long) stripped.precision() - stripped.scale();
            if (integerDigits > MAX_INTEGER_DIGITS || stripped.scale() > MAX_FRACTION_DIGITS) {
                return Optional.empty();
            }
            return Optional.of(stripped.toPlainString());
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
