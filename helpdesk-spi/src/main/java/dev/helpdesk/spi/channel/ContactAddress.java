package dev.helpdesk.spi.channel;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How a customer is reached on a channel, and how a channel says who wrote: an email address,
 * a phone number or a channel handle. The host's {@link CustomerDirectory} resolves it to a
 * customer.
 *
 * <p>Values are kept in one canonical form so that the same person compares equal however they
 * typed it: an email address is lower-cased (every mail system the desk meets treats addresses
 * without regard to case); a phone number is {@code +} and its digits, without spaces, dashes,
 * dots or brackets; a handle is kept as given.
 *
 * @param kind  what kind of address it is
 * @param value the canonical address
 */
public record ContactAddress(ContactKind kind, String value) {
    /** The longest email address (RFC 5321 path limit less the brackets). */
    public static final int MAX_EMAIL_LENGTH = 254;
    /** The longest handle, in code points. */
    public static final int MAX_HANDLE_LENGTH = 128;

    /**
     * Checks the address is canonical.
     *
     * @param kind what kind of address it is
     * @param value the canonical address
     * @throws ConfigurationException when the value is not a canonical address of its kind
     */
    public ContactAddress {
        Objects.requireNonNull(kind, "kind");
        String problem = problem(kind, value);
        if (problem == null && !canonical(kind, value).equals(value)) {
            problem = "must be in canonical form";
        }
        if (problem != null) {
            throw new ConfigurationException("an address written in code", List.of(new FieldError(field(kind), problem)));
        }
    }

    /**
     * An email address the host trusts.
     *
     * @param address such as {@code Ana@Example.com}; kept lower-cased
     * @return the address
     * @throws ConfigurationException when it is not an email address
     */
    public static ContactAddress email(String address) {
        return parse(ContactKind.EMAIL, address).getOrElseThrow(r -> ChannelTexts.configuration("an address written in code", r));
    }

    /**
     * A phone number the host trusts.
     *
     * @param number such as {@code +31 20 123-4567}; kept as {@code +31201234567}
     * @return the address
     * @throws ConfigurationException when it is not an international phone number
     */
    public static ContactAddress phone(String number) {
        return parse(ContactKind.PHONE, number).getOrElseThrow(r -> ChannelTexts.configuration("an address written in code", r));
    }

    /**
     * A channel handle the host trusts.
     *
     * @param handle such as {@code @ana} or a forum user name
     * @return the address
     * @throws ConfigurationException when it is empty, too long or holds whitespace or control
     *                                characters
     */
    public static ContactAddress handle(String handle) {
        return parse(ContactKind.HANDLE, handle).getOrElseThrow(r -> ChannelTexts.configuration("an address written in code", r));
    }

    /**
     * An address as it arrived at run time, brought into canonical form.
     *
     * @param kind  what kind of address it should be
     * @param value the address as given, may be null
     * @return the address, or a {@link Rejection.Invalid} naming the field ({@code email},
     *         {@code phone} or {@code handle}) and the problem
     */
    public static Either<Rejection, ContactAddress> parse(ContactKind kind, String value) {
        Objects.requireNonNull(kind, "kind");
        String problem = problem(kind, value);
        if (problem != null) {
            return Either.left(Rejection.Invalid.of(field(kind), problem));
        }
        return Either.right(new ContactAddress(kind, canonical(kind, value)));
    }

    private static String field(ContactKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static String canonical(ContactKind kind, String value) {
        switch (kind) {
            case EMAIL:
                return value.toLowerCase(Locale.ROOT);
            case PHONE:
                return "+" + value.replaceAll("[^0-9]", "");
            default:
                return value;
        }
    }

    private static String problem(ContactKind kind, String value) {
        if (value == null) {
            return "must be present";
        }
        switch (kind) {
            case EMAIL:
                return emailProblem(value);
            case PHONE:
                return phoneProblem(value);
            default:
                return ChannelTexts.tokenProblem(value, MAX_HANDLE_LENGTH);
        }
    }

    private static String emailProblem(String value) {
        if (value.isEmpty() || value.length() > MAX_EMAIL_LENGTH) {
            return "must be 1-" + MAX_EMAIL_LENGTH + " characters";
        }
        String token = ChannelTexts.tokenProblem(value, MAX_EMAIL_LENGTH);
        if (token != null) {
            return token;
        }
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1) {
            return "must be local-part@domain";
        }
        String domain = value.substring(at + 1);
        if (domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
            return "must have a well-formed domain";
        }
        if (value.chars().anyMatch(c -> c == '<' || c == '>' || c == ',' || c == ';' || c == '(' || c == ')'
                || c == '[' || c == ']' || c == '\\')) {
            return "must be a bare address without brackets, commas or comments";
        }
        return null;
    }

    private static String phoneProblem(String value) {
        String rest = value.strip();
        if (!rest.startsWith("+")) {
            return "must be in international form, starting with +";
        }
        rest = rest.substring(1);
        if (!rest.chars().allMatch(c -> c >= '0' && c <= '9' || c == ' ' || c == '-' || c == '.' || c == '('
                || c == ')')) {
            return "must hold only digits, spaces, dashes, dots and brackets after +";
        }
        long digits = rest.chars().filter(c -> c >= '0' && c <= '9').count();
        if (digits < 3 || digits > 15) {
            return "must have 3 to 15 digits";
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
