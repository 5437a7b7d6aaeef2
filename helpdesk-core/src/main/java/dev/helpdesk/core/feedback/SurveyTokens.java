package dev.helpdesk.core.feedback;

import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.TicketId;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks survey tokens: {@code s1.<payload>.<signature>}, both parts unpadded
 * base64url; the payload names the tenant, the ticket, the resolution cycle and the expiry, the
 * signature is HMAC-SHA256 of the version and payload with the host's secret, compared in
 * constant time. A token's id (what makes it single-use) is the first 16 bytes of its signature:
 * no randomness, so issuing is reproducible, and two tokens differ whenever what they say differs.
 *
 * <p>Thread-safe; a {@link Mac} is made per call.
 */
public final class SurveyTokens {
    private static final String VERSION = "s1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** Far more than any token this class makes: a bound before any decoding work. */
    private static final int MAX_TOKEN_LENGTH = 512;

    private final byte[] secret;

    /**
     * Tokens signed with a secret.
     *
     * @param secret the host's secret, at least 32 bytes (see {@link FeedbackSettings#secret()})
     */
    public SurveyTokens(byte[] secret) {
        if (secret.length < FeedbackSettings.MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("a survey secret has at least " + FeedbackSettings.MIN_SECRET_BYTES + " bytes");
        }
        this.secret = secret.clone();
    }

    /**
     * What a checked token says.
     *
     * @param tenant    the tenant
     * @param ticket    the ticket
     * @param cycle     the resolution cycle
     * @param expiresAt when it expires
     * @param id        the token's id, which a rating records so the token is taken once
     */
    public record Claims(TenantId tenant, TicketId ticket, int cycle, Instant expiresAt, String id) {
    }

    /**
     * Signs a token.
     *
     * @param tenant    the tenant
     * @param ticket    the ticket
     * @param cycle     the resolution cycle rated
     * @param expiresAt when it expires
     * @return the token
     */
    public String issue(TenantId tenant, TicketId ticket, int cycle, Instant expiresAt) {
        String payload = ENCODER.encodeToString((tenant.value() + "\n" + ticket.value() + "\n" + cycle + "\n"
                + expiresAt.getEpochSecond()).getBytes(StandardCharsets.UTF_8));
        return VERSION + "." + payload + "." + ENCODER.encodeToString(sign(VERSION + "." + payload));
    }

    /**
     * Checks a token's form, signature and expiry. Whether it was used already is the ticket
     * history's to say (see {@link FeedbackDesk}).
     *
     * @param token the token as received, may be anything
     * @param now   the current time
     * @return what it says, or {@link Rejection.Invalid} on {@code token}: not a survey token,
     *         a signature that does not match (forged or altered, or signed with another secret),
     *         or expired
     */
    public Either<Rejection, Claims> check(String token, Instant now) {
        if (token == null || token.isBlank()) {
            return invalid("is required");
        }
        String[] parts = token.length() > MAX_TOKEN_LENGTH ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            return invalid("is not a survey token");
        }
        byte[] given;
        byte[] payload;
        try {
            given = DECODER.decode(parts[2]);
            payload = DECODER.decode(parts[1]);
        } catch (IllegalArgumentException e) {
            return invalid("is not a survey token");
        }
        byte[] expected = sign(VERSION + "." + parts[1]);
        if (!MessageDigest.isEqual(expected, given)) {
            return invalid("has a signature that does not match: it was altered or not issued by this desk");
        }
        String[] fields = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
        Claims claims;
        try {
            claims = new Claims(TenantId.of(fields[0]), TicketId.of(UUID.fromString(fields[1])),
                    Integer.parseInt(fields[2]), Instant.ofEpochSecond(Long.parseLong(fields[3])),
                    ENCODER.encodeToString(Arrays.copyOf(given, 16)));
        } catch (RuntimeException e) {
            // signed by this secret but not by this class: treat as foreign
            return invalid("is not a survey token");
        }
        if (!now.isBefore(claims.expiresAt())) {
            return invalid("expired at " + claims.expiresAt());
        }
        return Either.right(claims);
    }

    private byte[] sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static <T> Either<Rejection, T> invalid(String problem) {
        return Either.left(Rejection.Invalid.of("token", problem));
    }
}
