package dev.helpdesk.core.remote;

import dev.helpdesk.spi.remote.ConsentId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * What a host hands to the customer after an agent asked for consent: the single-use link token
 * (to put into a URL of the host's own), and the consent text in the customer's language. The
 * token is never stored by the desk: only the signature over it proves it, and the ticket's
 * history makes it single-use.
 *
 * @param consent   the request
 * @param token     the link token: URL-safe, single-use, expiring
 * @param expiresAt until when it works
 * @param locale    the language of the text
 * @param subject   the text's subject line
 * @param text      the consent text: purpose, scope, duration and how to revoke
 */
public record ConsentInvitation(ConsentId consent, String token, Instant expiresAt, Locale locale, String subject,
                                String text) {
    /**
     * Checks every part is present.
     *
     * @param consent the request
     * @param token the link token: URL-safe, single-use, expiring
     * @param expiresAt until when it works
     * @param locale the language of the text
     * @param subject the text's subject line
     * @param text the consent text: purpose, scope, duration and how to revoke
     */
    public ConsentInvitation {
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        // the token is a credential: never in logs
        return "ConsentInvitation[consent=" + consent + ", expiresAt=" + expiresAt + ", locale=" + locale + "]";
    }
}
