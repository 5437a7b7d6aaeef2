/**
 * Technicians' bookings in the database ({@code hd_visit_booking}, with a lock row per
 * technician in {@code hd_technician_lock}): written and checked inside the ticket store's
 * commit, so a visit's events and its booking commit together or not at all. Not exported: the
 * store exposes the bookings through {@link dev.helpdesk.spi.visit.booking.VisitBookings}.
 */
package dev.helpdesk.jdbc.visit;
