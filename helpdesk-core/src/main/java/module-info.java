/**
 * The helpdesk behaviour: the ticket lifecycle, the arithmetic of business calendars, the SLA
 * engine, the {@code Helpdesk} facade and in-memory adapters. Depends only on the contract,
 * Vavr and the SLF4J API.
 */
module dev.helpdesk.core {
    requires transitive dev.helpdesk.spi;
    requires org.slf4j;
    requires static org.immutables.value;

    // the API only: the wiring in dev.helpdesk.core.internal.* is not exported
    exports dev.helpdesk.core;
    exports dev.helpdesk.core.calendar;
    exports dev.helpdesk.core.notification;
    exports dev.helpdesk.core.routing;
    exports dev.helpdesk.core.memory;
    exports dev.helpdesk.core.sla;
    exports dev.helpdesk.core.ticket;
    exports dev.helpdesk.core.time;
    exports dev.helpdesk.core.attachment;
    // channel intake (issue 11)
    exports dev.helpdesk.core.channel;
    // feedback and reports
    exports dev.helpdesk.core.feedback;
    exports dev.helpdesk.core.report;

    uses dev.helpdesk.spi.plugin.HelpdeskPlugin;
}
