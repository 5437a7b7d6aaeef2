package dev.helpdesk.spi.escalation;

import java.util.Locale;

/** The happenings an {@link Trigger.OnEvent} rule reacts to. */
public enum TicketTrigger {
    /** The ticket was opened. */
    OPENED,
    /** The customer posted a public reply (a reply that reopens the ticket counts too). */
    CUSTOMER_REPLIED,
    /** An agent posted a public reply. */
    AGENT_REPLIED,
    /** The ticket was reopened after being solved. */
    REOPENED,
    /** The priority changed, up or down. */
    PRIORITY_CHANGED,
    /** The tier changed. */
    TIER_CHANGED,
    /** The ticket moved to another group. */
    GROUP_CHANGED,
    /** A tag was added. */
    TAG_ADDED,
    /**
     * The customer rated the ticket's service as bad in a satisfaction survey
     * ({@link dev.helpdesk.spi.ticket.TicketEvent.SatisfactionRated#bad()}); once per rating.
     */
    SATISFACTION_RATED_BAD;

    /**
     * The name in plain values, such as {@code customer_replied}.
     *
     * @return the lower-case name
     */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
