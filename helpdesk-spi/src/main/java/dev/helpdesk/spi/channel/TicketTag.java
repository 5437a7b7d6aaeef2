package dev.helpdesk.spi.channel;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.TicketNumber;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a tenant shows a ticket number in a subject, so that an answer finds its ticket even
 * when the threading headers are lost: {@code [#1234]} by default, or a tenant's own form such
 * as {@code (ACME-{number})}. The channel writes it into outbound subjects with
 * {@link #format}; the intake finds it in inbound subjects with {@link #find}.
 *
 * <p>A pattern is one line of 3 to 64 characters holding {@code {number}} exactly once, with
 * text (not only whitespace) before or after it, so that a bare number in a subject is never
 * taken for a ticket.
 *
 * @param pattern the pattern, such as {@code [#{number}]}
 */
public record TicketTag(String pattern) {
    /** The placeholder for the number. */
    public static final String PLACEHOLDER = "{number}";
    /** The default tag: {@code [#1234]}. */
    public static final TicketTag DEFAULT = new TicketTag("[#" + PLACEHOLDER + "]");

    /**
     * Checks the pattern.
     *
     * @param pattern the pattern, such as {@code [#{number}]}
     * @throws ConfigurationException when the pattern is malformed
     */
    public TicketTag {
        String problem = problem(pattern);
        if (problem != null) {
            throw new ConfigurationException("a ticket tag written in code", List.of(new FieldError("ticket tag", problem)));
        }
    }

    /**
     * A tag the host configured in code.
     *
     * @param pattern the pattern
     * @return the tag
     * @throws ConfigurationException when the pattern is malformed
     */
    public static TicketTag of(String pattern) {
        return new TicketTag(pattern);
    }

    /**
     * A tag read from a tenant's stored settings or an admin form.
     *
     * @param pattern the pattern, may be null
     * @return the tag, or a {@link Rejection.Invalid} naming the field {@code ticket tag}
     */
    public static Either<Rejection, TicketTag> parse(String pattern) {
        String problem = problem(pattern);
        return problem == null ? Either.right(new TicketTag(pattern)) : Either.left(Rejection.Invalid.of("ticket tag", problem));
    }

    /**
     * The tag for one ticket.
     *
     * @param number the ticket's number
     * @return such as {@code [#1234]}
     */
    public String format(TicketNumber number) {
        return pattern.replace(PLACEHOLDER, Long.toString(number.value()));
    }

    /**
     * Finds the tag in a subject: the last occurrence, since replies and forwards put their own
     * prefixes in front and a forwarded ticket's tag may stand before the current one.
     *
     * @param subject the subject
     * @return the ticket number, when the subject holds the tag
     */
    public Optional<TicketNumber> find(String subject) {
        Matcher m = regex().matcher(subject);
        TicketNumber found = null;
        while (m.find()) {
            long value = parseNumber(m.group(1));
            if (value > 0) {
                found = TicketNumber.of(value);
            }
        }
        return Optional.ofNullable(found);
    }

    private Pattern regex() {
        int at = pattern.indexOf(PLACEHOLDER);
        return Pattern.compile(Pattern.quote(pattern.substring(0, at)) + "([0-9]{1,18})"
                + Pattern.quote(pattern.substring(at + PLACEHOLDER.length())), Pattern.CASE_INSENSITIVE);
    }

    private static long parseNumber(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String problem(String pattern) {
        if (pattern == null) {
            return "must be present";
        }
        if (pattern.length() < 3 || pattern.length() > 64) {
            return "must be 3-64 characters";
        }
        if (!ChannelTexts.isOneLine(pattern) || ChannelTexts.textProblem(pattern) != null || pattern.indexOf('\t') >= 0) {
            return "must be one line without control characters";
        }
        int at = pattern.indexOf(PLACEHOLDER);
        if (at < 0 || pattern.indexOf(PLACEHOLDER, at + 1) >= 0) {
            return "must hold " + PLACEHOLDER + " exactly once";
        }
        String around = pattern.replace(PLACEHOLDER, "");
        if (around.isBlank()) {
            return "must have text around " + PLACEHOLDER;
        }
        int end = at + PLACEHOLDER.length();
        if (at > 0 && Character.isDigit(pattern.charAt(at - 1))
                || end < pattern.length() && Character.isDigit(pattern.charAt(end))) {
            return "must not have a digit right next to " + PLACEHOLDER;
        }
        return null;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
