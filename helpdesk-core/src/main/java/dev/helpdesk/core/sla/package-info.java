/**
 * The SLA engine: which policy applies to a ticket, and the state of its clocks as a pure
 * function of the ticket's events, the policy, the calendars and the moment of evaluation
 * ({@link dev.helpdesk.core.sla.SlaClocks}); the deadlines the desk schedules and the warning
 * and breach events its timed work emits.
 */
package dev.helpdesk.core.sla;
