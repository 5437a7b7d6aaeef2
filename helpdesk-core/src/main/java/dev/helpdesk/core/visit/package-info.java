/**
 * On-site visits: the {@link dev.helpdesk.core.visit.VisitPolicy} that decides when a visit may be
 * planned, the desk's {@link dev.helpdesk.core.visit.VisitSettings} (the visit's SLA target in
 * the tenant's business calendar, the longest slot), and the in-memory technicians' bookings.
 * The visits themselves are ticket events, decided by the one ticket decider; the per-tenant
 * API is {@link dev.helpdesk.core.VisitDesk}.
 */
@ValueStyle
package dev.helpdesk.core.visit;

import dev.helpdesk.spi.ValueStyle;
