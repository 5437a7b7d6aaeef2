package dev.helpdesk.spi.channel;

import dev.helpdesk.spi.plugin.HelpdeskPlugin;
import dev.helpdesk.spi.ticket.Channel;

/**
 * Delivers outbound messages on one channel: the email module's SMTP sender, a host's SMS
 * gateway, a chat widget's push. The desk's outbox calls it after the commit that made the
 * message, at least once: after a crash or a failed attempt the same message (same
 * {@link OutboundMessage#id()}) comes again, and the sender gives it the same external id, so a
 * receiver that sees it twice can tell.
 *
 * <p>Called from the thread that delivers the outbox; a sender may block for the time one
 * delivery takes. Implementations are safe for concurrent use.
 */
public interface ChannelSender extends HelpdeskPlugin {

    /**
     * The channel this sender delivers.
     *
     * @return the channel
     */
    Channel channel();

    /**
     * The external id the message gets, known before sending and the same on every attempt. The
     * desk records it with the ticket before the first attempt, so the customer's answer threads
     * back even when the process stops right after sending.
     *
     * @param message the message
     * @return its external id (for mail, the {@code Message-ID} without angle brackets)
     */
    ExternalMessageId externalIdOf(OutboundMessage message);

    /**
     * Delivers one message.
     *
     * @param message the message
     * @return {@link SendOutcome.Sent} when the channel took it, {@link SendOutcome.Undeliverable}
     *         when it never can
     * @throws Exception when delivery failed for now; the outbox tries again with back-off
     */
    SendOutcome send(OutboundMessage message) throws Exception;
}
