/**
 * Reports computed from ticket histories: the in-memory {@link dev.helpdesk.spi.report.Reports}
 * engine, SLA compliance per clock, and the SLA what-if that replays a period under a proposed
 * configuration.
 */
@ValueStyle
package dev.helpdesk.core.report;

import dev.helpdesk.spi.ValueStyle;
