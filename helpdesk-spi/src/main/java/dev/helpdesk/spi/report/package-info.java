/**
 * Reports over the ticket history: the query ({@link dev.helpdesk.spi.report.ReportQuery}), the
 * figures with the definitions of the design (first reply time, one-touch resolution, backlog
 * age, escalation rate per tier, ...), and the {@link dev.helpdesk.spi.report.Reports} port a
 * store implements: computed from histories in memory, or as SQL aggregates over the typed
 * schema.
 */
@ValueStyle
package dev.helpdesk.spi.report;

import dev.helpdesk.spi.ValueStyle;
