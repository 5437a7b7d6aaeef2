package dev.helpdesk.spi.escalation;

import java.util.Locale;

/** How a {@link Condition.Test} compares a ticket's field with the condition's values. */
public enum Operator {
    /** The field equals one of the values. */
    IS,
    /** The field is greater than the one value (ordered fields: priority, tier, numbers, dates). */
    ABOVE,
    /** The field is greater than or equal to the one value. */
    AT_LEAST,
    /** The field is less than the one value. */
    BELOW,
    /** The field is less than or equal to the one value. */
    AT_MOST,
    /** The category is one of the values or lies below one of them ({@code technical} holds {@code technical.hardware}). */
    WITHIN,
    /** The ticket has every one of the tags. */
    HAS,
    /** The ticket has at least one of the tags. */
    HAS_ANY,
    /** The field has a value (a group, an assignee, a segment, a custom field value); takes no values. */
    PRESENT;

    /**
     * The name in plain values, such as {@code at_least}.
     *
     * @return the lower-case name
     */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Tells whether this operator needs an ordered field.
     *
     * @return true for above, at least, below, at most
     */
    public boolean isOrdering() {
        return this == ABOVE || this == AT_LEAST || this == BELOW || this == AT_MOST;
    }
}
