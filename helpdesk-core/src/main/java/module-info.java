/**
 * The helpdesk behaviour: the arithmetic of business calendars, and (as it grows) the ticket
 * lifecycle, the SLA engine and the {@code Helpdesk} facade.
 */
module dev.helpdesk.core {
    requires transitive dev.helpdesk.spi;
    requires org.slf4j;

    exports dev.helpdesk.core.calendar;
}
