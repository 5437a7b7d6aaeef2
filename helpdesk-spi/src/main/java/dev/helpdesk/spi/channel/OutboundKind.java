package dev.helpdesk.spi.channel;

/** What an outbound message is, which decides how a channel marks it. */
public enum OutboundKind {
    /** An agent's public reply on a ticket: a person wrote it. */
    REPLY,
    /**
     * A notice the desk wrote by itself (ticket received, solved, waiting for you). A channel
     * marks it as automatic (mail: {@code Auto-Submitted: auto-replied}) so that the customer's
     * autoresponder does not answer it and start a loop.
     */
    AUTOMATIC_NOTICE
}
