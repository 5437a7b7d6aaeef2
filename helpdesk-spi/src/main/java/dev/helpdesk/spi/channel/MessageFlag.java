package dev.helpdesk.spi.channel;

/**
 * What a channel found about how a message was sent, as opposed to what it says. A flagged
 * message is recorded on the ticket it refers to and never opens or reopens one: answering an
 * out-of-office reply or a bounce with a ticket is how mail loops start.
 */
public enum MessageFlag {
    /**
     * Written by a machine on the sender's behalf: an out-of-office reply, a vacation notice, an
     * autoresponder (for mail: {@code Auto-Submitted} other than {@code no},
     * {@code X-Autoreply}, {@code X-Autorespond}, {@code X-Auto-Response-Suppress}).
     */
    AUTO_REPLY,
    /**
     * A delivery failure report about a message the desk sent (for mail: a
     * {@code multipart/report} delivery status notification, a mailer-daemon notice).
     */
    BOUNCE,
    /**
     * Sent to many at once: a mailing list, a newsletter, bulk mail (for mail:
     * {@code Precedence: bulk, junk or list}, {@code List-Id}).
     */
    BULK
}
