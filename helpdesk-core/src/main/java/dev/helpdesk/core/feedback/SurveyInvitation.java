package dev.helpdesk.core.feedback;

import dev.helpdesk.spi.ticket.TicketId;
import java.time.Instant;
import java.util.Objects;

/**
 * A satisfaction survey handed out for one resolution cycle of a solved ticket. The host puts
 * the token in a link of the message it sends the customer (e-mail, chat, a page after the
 * conversation); whoever holds the token may answer once, before it expires, without signing in.
 *
 * @param ticket    the ticket rated
 * @param cycle     the resolution cycle rated, from 1
 * @param token     the signed token, URL-safe text
 * @param expiresAt when the token stops being accepted
 */
public record SurveyInvitation(TicketId ticket, int cycle, String token, Instant expiresAt) {
    /**
     * Checks every part is present.
     *
     * @param ticket the ticket rated
     * @param cycle the resolution cycle rated, from 1
     * @param token the signed token, URL-safe text
     * @param expiresAt when the token stops being accepted
     */
    public SurveyInvitation {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
