/**
 * Business-time arithmetic over a {@link dev.helpdesk.spi.calendar.BusinessCalendar}: how much
 * opening time lies between two instants, when a target of business time is reached, whether
 * the desk is open and when it opens next. The entry point is
 * {@link dev.helpdesk.core.calendar.BusinessTime}.
 */
package dev.helpdesk.core.calendar;
