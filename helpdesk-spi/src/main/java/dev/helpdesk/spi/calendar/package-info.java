/**
 * Business calendars as values: when a desk is open, in which time zone, on which holidays it
 * is closed and on which dates it keeps special hours. The arithmetic over a calendar (business
 * time between two instants, adding business time, the next opening) lives in the behaviour
 * module; this package only describes the calendar, so that a store can persist one and a host
 * can edit one without the behaviour module.
 */
@ValueStyle
package dev.helpdesk.spi.calendar;

import dev.helpdesk.spi.ValueStyle;
