package dev.helpdesk.spi.channel;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The SHA-256 digest of an attachment's bytes, computed by the {@link AttachmentStore} while it
 * writes them: a host can check that bytes read back are the bytes that arrived, and find the
 * same file attached twice.
 *
 * <p>Its text form is {@code sha256:} followed by 64 lower-case hex digits.
 *
 * @param hex the digest as 64 lower-case hex digits
 */
public record Checksum(String hex) {
    private static final String PREFIX = "sha256:";

    /**
     * Checks the digest.
     *
     * @param hex the digest as 64 lower-case hex digits
     * @throws ConfigurationException when the value is not 64 lower-case hex digits
     */
    public Checksum {
        String problem = problem(hex);
        if (problem != null) {
            throw new ConfigurationException("a checksum written in code", List.of(new FieldError("checksum", problem)));
        }
    }

    /**
     * The checksum of a finished SHA-256 digest.
     *
     * @param digest the 32 bytes of a SHA-256 digest
     * @return the checksum
     * @throws ConfigurationException when the digest is not 32 bytes
     */
    public static Checksum sha256(byte[] digest) {
        Objects.requireNonNull(digest, "digest");
        if (digest.length != 32) {
            throw new ConfigurationException("a checksum written in code", List.of(new FieldError("checksum",
                    "must be a 32-byte SHA-256 digest, got " + digest.length + " bytes")));
        }
        return new Checksum(HexFormat.of().formatHex(digest));
    }

    /**
     * Makes a checksum from its trusted text form.
     *
     * @param text {@code sha256:} and 64 lower-case hex digits
     * @return the checksum
     * @throws ConfigurationException when the text is not in that form
     */
    public static Checksum of(String text) {
        return parse(text).getOrElseThrow(r -> ChannelTexts.configuration("a checksum written in code", r));
    }

    /**
     * Makes a checksum from its text form as it arrived at run time.
     *
     * @param text {@code sha256:} and 64 lower-case hex digits, may be null
     * @return the checksum, or a {@link Rejection.Invalid} naming the field {@code checksum}
     */
    public static Either<Rejection, Checksum> parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return Either.left(Rejection.Invalid.of("checksum", "must start with " + PREFIX));
        }
        String hex = text.substring(PREFIX.length());
        String problem = problem(hex);
        return problem == null ? Either.right(new Checksum(hex)) : Either.left(Rejection.Invalid.of("checksum", problem));
    }

    private static String problem(String hex) {
        if (hex == null || hex.length() != 64
                || !hex.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
            return "must be 64 lower-case hex digits";
        }
        return null;
    }

    /**
     * The text form.
     *
     * @return {@code sha256:} and the hex digits
     */
    @Override
    public String toString() {
        return PREFIX + hex;
    }
}
