package dev.helpdesk.spi.notification;

import java.util.Locale;

/** What a notice is about; each topic has its own template. */
public enum Topic {
    /** An escalation rule fired: the ticket moved up, or someone with authority is told. */
    ESCALATION,
    /** An SLA clock is close to its target. */
    SLA_WARNING,
    /** An SLA clock missed its target. */
    SLA_BREACH,
    /** An on-site visit was rescheduled or cancelled: the customer is told. */
    VISIT,
    /** A problem the customer's ticket is linked to was fixed: the customer is told. */
    PROBLEM_FIXED,
    /** A ticket was solved: the requester is asked to rate it (a satisfaction survey link). */
    SURVEY;

    /**
     * The topic's key in templates, such as {@code sla_warning}.
     *
     * @return the lower-case name
     */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
