/**
 * The helpdesk behaviour: the ticket lifecycle, the arithmetic of business calendars, the SLA
 * engine, the {@code Helpdesk} facade and in-memory adapters. Depends only on the contract,
 * Vavr and the SLF4J API.
 */
module dev.helpdesk.core {
    requires transitive dev.helpdesk.spi;
    requires org.slf4j;
    requires static org.immutables.value;
    // knowledge base: Markdown rendering
    requires org.commonmark;

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
    // channel intake
    exports dev.helpdesk.core.channel;
    // channels
    exports dev.helpdesk.core.idempotency;
    exports dev.helpdesk.core.phone;
    exports dev.helpdesk.core.chat;
    exports dev.helpdesk.core.forum;
    exports dev.helpdesk.core.cost;
    exports dev.helpdesk.core.portal;
    // remote sessions and on-site visits
    exports dev.helpdesk.core.remote;
    exports dev.helpdesk.core.visit;
    // knowledge base
    exports dev.helpdesk.core.knowledge;
    // feedback and reports
    exports dev.helpdesk.core.feedback;
    exports dev.helpdesk.core.report;
    // problems
    exports dev.helpdesk.core.problem;

    uses dev.helpdesk.spi.plugin.HelpdeskPlugin;
}
