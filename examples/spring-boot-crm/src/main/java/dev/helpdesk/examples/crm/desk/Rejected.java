package dev.helpdesk.examples.crm.desk;

import dev.helpdesk.spi.rejection.Rejection;

/**
 * A desk command that was rejected, thrown inside the CRM's service methods so that a
 * {@code @Transactional} method rolls back the CRM's own writes with it. The web layer turns it
 * back into the rejection's message.
 */
public final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The desk's answer. */
    private final transient Rejection rejection;

    /**
     * Wraps a rejection.
     *
     * @param rejection the desk's answer
     */
    public Rejected(Rejection rejection) {
        super(rejection.message());
        this.rejection = rejection;
    }

    /**
     * The desk's answer.
     *
     * @return the rejection
     */
    public Rejection rejection() {
        return rejection;
    }
}
