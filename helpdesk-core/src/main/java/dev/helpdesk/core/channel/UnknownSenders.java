package dev.helpdesk.core.channel;

/** What the intake does with a message from an address the host's CRM knows nobody at. */
public enum UnknownSenders {
    /**
     * Ask the {@link dev.helpdesk.spi.channel.CustomerDirectory} to register the sender as a
     * new customer; when it refuses, the message is refused.
     */
    CREATE,
    /**
     * Open the ticket for a provisional customer named after the address
     * ({@code email:ana@example.com}) in the policy's triage group, where an agent sorts it
     * out. Replies from the same address find the same provisional customer's tickets.
     */
    TRIAGE,
    /** Refuse the message ({@link dev.helpdesk.spi.channel.Reason#UNKNOWN_SENDER}). */
    REFUSE
}
