package dev.helpdesk.spi.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Notices waiting for their recipients' working hours, kept in the store so that they survive a
 * restart and are sent once when several desk instances share the store. A store may implement
 * this beside {@link dev.helpdesk.spi.ticket.TicketStore}; the in-memory store keeps them in
 * memory.
 */
public interface HeldNotices {

    /**
     * Keeps a notice until its {@link Notification#sendAt()}. Holding the same notice (same
     * {@link Notification#id()}) twice keeps it once.
     *
     * @param notice the notice, rendered
     */
    void hold(Notification notice);

    /**
     * Claims held notices whose time has come, soonest first. A claimed notice is not returned
     * again by any caller until the lease expires, unless {@link #sent} removed it.
     *
     * @param now   the current time
     * @param limit the largest number to claim, at least 1
     * @param lease how long the claim holds if the claimant dies before sending
     * @return the claimed notices
     */
    List<Notification> claimDue(Instant now, int limit, Duration lease);

    /**
     * Forgets a notice that was handed to the notifiers.
     *
     * @param id the notice's id
     */
    void sent(String id);

    /**
     * The notices still held, soonest first, for operators and tests.
     *
     * @return the held notices
     */
    List<Notification> held();
}
