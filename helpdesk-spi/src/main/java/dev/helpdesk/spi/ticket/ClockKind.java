package dev.helpdesk.spi.ticket;

/**
 * The four SLA clocks a ticket can have. What starts and stops each one is fixed; an SLA
 * policy only says how long each may run.
 *
 * <p>The kind lives beside the ticket events rather than with the SLA policies because the
 * {@link TicketEvent.SlaWarning} and {@link TicketEvent.SlaBreached} events name it.
 */
public enum ClockKind {
    /**
     * From the opening of the ticket until the first public reply by an agent. An internal
     * note, an automatic message (an acknowledgement by a rule or an integration) and the
     * description an agent logs when opening a ticket for a caller do not count. One cycle per
     * ticket.
     */
    FIRST_RESPONSE,
    /**
     * From the first customer message after the last public agent reply until the next public
     * agent reply. Each such wait is a cycle of its own, numbered from 1.
     */
    NEXT_RESPONSE,
    /**
     * Between public agent updates: it starts at every public agent reply on an unsolved
     * ticket and is met by the next one, so an agent must post an update at least every
     * interval while the ticket is open; solving the ticket ends it (a reply that solves the
     * ticket at the same instant starts none). Each interval is a cycle of its own, numbered
     * from 1.
     */
    PERIODIC_UPDATE,
    /**
     * From the opening until the ticket is solved; reopening starts a new cycle, numbered as
     * the ticket's resolution cycle, and the earlier cycles are kept.
     */
    RESOLUTION;

    /**
     * The kind in words for a timeline or a report, such as {@code first response}.
     *
     * @return the lower-case name with spaces
     */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
