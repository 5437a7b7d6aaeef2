package dev.helpdesk.spi.channel;

/** How a message presents an attachment. */
public enum Disposition {
    /** A file the sender attached, shown as a download. */
    ATTACHMENT,
    /** A part shown inside the message, such as an image in an HTML mail, named by its content id. */
    INLINE
}
