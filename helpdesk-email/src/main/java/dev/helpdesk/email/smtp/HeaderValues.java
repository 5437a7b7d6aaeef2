package dev.helpdesk.email.smtp;

import dev.helpdesk.spi.channel.Reason;
import io.vavr.control.Either;

/**
 * The guard against header injection: a value that would end its header line and start another
 * (CR or LF, or any other control character) is refused before it reaches a header. Folding of
 * long values is left to Jakarta Mail, which never breaks inside an encoded word.
 */
public final class HeaderValues {
    /** The reason code of a refused header value. */
    public static final String HEADER_INJECTION = "header-injection";

    private HeaderValues() {
    }

    /**
     * Checks one value.
     *
     * @param header the header it is for, such as {@code Subject}
     * @param value  the value
     * @return the value, or a reason naming the header when it holds a line break or another
     *         control character
     */
    public static Either<Reason, String> check(String header, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                return Either.left(Reason.of(HEADER_INJECTION, header + " holds a line break"));
            }
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return Either.left(Reason.of(HEADER_INJECTION, header + " holds a control character"));
            }
        }
        return Either.right(value);
    }
}
