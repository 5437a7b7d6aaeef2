package dev.helpdesk.spi.visit;

/**
 * Where an on-site visit stands. {@code PLANNED → CONFIRMED}; a planned, confirmed or
 * rescheduled visit may be {@code RESCHEDULED} (again) or {@code CANCELLED}; a confirmed or
 * rescheduled one becomes {@code DONE} with its report. Cancelled and done are final.
 */
public enum VisitStatus {
    /** Proposed to the customer with a technician and a slot. */
    PLANNED,
    /** The customer (or the desk on their word) confirmed the slot. */
    CONFIRMED,
    /** Moved to another slot, with a reason. */
    RESCHEDULED,
    /** Called off, with a reason. Final. */
    CANCELLED,
    /** The technician was there; the visit report is recorded. Final. */
    DONE;

    /**
     * Tells whether the visit still holds the technician's slot.
     *
     * @return true unless cancelled or done
     */
    public boolean holdsSlot() {
        return this != CANCELLED && this != DONE;
    }
}
