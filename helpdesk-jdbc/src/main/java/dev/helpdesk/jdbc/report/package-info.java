/**
 * Reports as SQL aggregates over the typed event table ({@link dev.helpdesk.jdbc.report.JdbcReports}),
 * with the same definitions and the same numbers as the core's in-memory engine.
 */
package dev.helpdesk.jdbc.report;
