package dev.helpdesk.spi.ticket;

/**
 * Support tiers. A ticket sits at one tier; functional escalation moves it up.
 */
public enum Tier {
    /** First line: knows the product, not its internals. Every ticket starts here by default. */
    L1,
    /** Specialists with deep product knowledge. */
    L2,
    /** Complex, specialised problems. */
    L3,
    /** Experts: the vendor's engineers or developers. */
    L4;

    /**
     * The next tier up, or this tier when it is already the highest.
     *
     * @return the tier above
     */
    public Tier next() {
        return this == L4 ? L4 : values()[ordinal() + 1];
    }
}
