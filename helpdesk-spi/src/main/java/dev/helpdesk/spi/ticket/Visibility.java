package dev.helpdesk.spi.ticket;

/** Who can read a message. */
public enum Visibility {
    /** A public reply: the customer sees it. */
    PUBLIC,
    /** An internal note: only the desk sees it, never the customer. */
    INTERNAL
}
