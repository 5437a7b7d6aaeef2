package dev.helpdesk.core.remote;

import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.remote.ConsentId;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.TicketId;
import io.vavr.control.Either;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks consent link tokens. A token names the tenant, the ticket, the consent
 * request and its expiry, signed with HMAC-SHA256 under the host's secret; the signature is
 * compared in constant time ({@link MessageDigest#isEqual}). The check proves only that the
 * desk issued the token and that it has not expired: that it is used once is the ticket's
 * history (a consent request is answered once), decided by the ticket decider.
 *
 * <p>Format: {@code base64url(payload) "." base64url(mac)}, payload = tenant length (2 bytes),
 * tenant (UTF-8), ticket UUID (16), consent UUID (16), expiry epoch milliseconds (8). At most
 * {@link #MAX_TOKEN_LENGTH} characters are read.
 */
public final class ConsentLinks {
    /** The longest token accepted; longer input is refused before any decoding. */
    public static final int MAX_TOKEN_LENGTH = 512;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /**
     * Makes the signer.
     *
     * @param secret the host's secret, at least {@link RemoteSettings#MIN_SECRET_BYTES}
     */
    public ConsentLinks(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < RemoteSettings.MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("secret too short");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /**
     * What a valid token names.
     *
     * @param tenant    the tenant
     * @param ticket    the ticket
     * @param consent   the consent request
     * @param expiresAt until when it works
     */
    public record Claim(TenantId tenant, TicketId ticket, ConsentId consent, Instant expiresAt) {
    }

    /**
     * Signs a token.
     *
     * @param claim what it names
     * @return the token
     */
    public String sign(Claim claim) {
        byte[] tenant = claim.tenant().value().getBytes(StandardCharsets.UTF_8);
        ByteBuffer payload = ByteBuffer.allocate(2 + tenant.length + 16 + 16 + 8);
        payload.putShort((short) tenant.length).put(tenant);
        put(payload, claim.ticket().value());
        put(payload, claim.consent().value());
        payload.putLong(claim.expiresAt().toEpochMilli());
        byte[] bytes = payload.array();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(bytes) + "." + b64.encodeToString(mac(bytes));
    }

    /**
     * Checks a token typed or clicked by a customer.
     *
     * @param token the token, may be null or anything
     * @param now   the current time
     * @return what it names, or a rejection naming {@code token}: malformed, not signed by
     *         this desk, or expired
     */
    public Either<Rejection, Claim> check(String token, Instant now) {
        if (token == null || token.isEmpty()) {
            return invalid("is required");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            return invalid("is not a consent link");
        }
        int dot = token.indexOf('.');
        byte[] payload;
        byte[] signature;
        try {
            payload = Base64.getUrlDecoder().decode(token.substring(0, Math.max(dot, 0)));
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return invalid("is not a consent link");
        }
        if (dot < 0 || !MessageDigest.isEqual(mac(payload), signature)) {
            return invalid("is not a consent link of this desk");
        }
        ByteBuffer in = ByteBuffer.wrap(payload);
        try {
            int length = in.getShort();
            byte[] tenant = new byte[length];
            in.get(tenant);
            TicketId ticket = TicketId.of(uuid(in));
            ConsentId consent = ConsentId.of(uuid(in));
            Instant expiresAt = Instant.ofEpochMilli(in.getLong());
            if (in.hasRemaining()) {
                return invalid("is not a consent link");
            }
            if (!now.isBefore(expiresAt)) {
                return invalid("expired at " + expiresAt);
            }
            return Either.right(new Claim(TenantId.of(new String(tenant, StandardCharsets.UTF_8)), ticket, consent, expiresAt));
        } catch (RuntimeException e) {
            // a payload we signed always parses: this is a token of another format under our key
            return invalid("is not a consent link");
        }
    }

    private static Either<Rejection, Claim> invalid(String problem) {
        return Either.left(Rejection.Invalid.of("token", problem));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is required of every Java platform", e);
        }
    }

    private static void put(ByteBuffer b, UUID id) {
        b.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }

    private static UUID uuid(ByteBuffer b) {
        return new UUID(b.getLong(), b.getLong());
    }
}
