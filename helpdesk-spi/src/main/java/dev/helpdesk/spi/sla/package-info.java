/**
 * Service-level agreements as data: {@link dev.helpdesk.spi.sla.SlaPolicy policies} chosen by
 * ordered conditions, their {@link dev.helpdesk.spi.sla.SlaTarget targets} in business or
 * calendar time, the {@link dev.helpdesk.spi.sla.SlaConfiguration configuration} that puts
 * policies and calendars together, the {@link dev.helpdesk.spi.sla.CustomerSegments} lookup a
 * host provides, and the {@link dev.helpdesk.spi.sla.ClockState state} of a ticket's clocks
 * as the desk shows it. The arithmetic lives in the behaviour module.
 */
@ValueStyle
package dev.helpdesk.spi.sla;

import dev.helpdesk.spi.ValueStyle;
