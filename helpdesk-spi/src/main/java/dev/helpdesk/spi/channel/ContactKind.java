package dev.helpdesk.spi.channel;

/** What kind of address a {@link ContactAddress} is. */
public enum ContactKind {
    /** An email address, compared without regard to case. */
    EMAIL,
    /** A telephone number in international form: {@code +} and 3 to 15 digits. */
    PHONE,
    /** A handle on a chat, forum or social channel, as that channel names its users. */
    HANDLE
}
