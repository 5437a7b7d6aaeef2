/**
 * The helpdesk contract: identifiers, value types, ticket events, rejections, the ports that
 * stores implement and the interfaces that plugins implement.
 *
 * <p>This module depends only on the JDK and Vavr, so that a store or a plugin can be written
 * against it without pulling in the behaviour module.
 */
module dev.helpdesk.spi {
    requires transitive io.vavr;
    requires static org.immutables.value;

    exports dev.helpdesk.spi;
    exports dev.helpdesk.spi.tenant;
    exports dev.helpdesk.spi.party;
    exports dev.helpdesk.spi.rejection;
    exports dev.helpdesk.spi.ticket;
    exports dev.helpdesk.spi.plugin;
    exports dev.helpdesk.spi.calendar;
    exports dev.helpdesk.spi.outbox;
    exports dev.helpdesk.spi.sla;
    exports dev.helpdesk.spi.escalation;
    exports dev.helpdesk.spi.routing;
    exports dev.helpdesk.spi.notification;
    exports dev.helpdesk.spi.channel;
    exports dev.helpdesk.spi.knowledge;
    // channels: idempotent commands, phone, chat, portal, forum
    exports dev.helpdesk.spi.idempotency;
    exports dev.helpdesk.spi.phone;
    exports dev.helpdesk.spi.chat;
    exports dev.helpdesk.spi.forum;
    // remote sessions and on-site visits
    exports dev.helpdesk.spi.remote;
    exports dev.helpdesk.spi.visit;
    exports dev.helpdesk.spi.visit.booking;
    // feedback and reports
    exports dev.helpdesk.spi.feedback;
    exports dev.helpdesk.spi.report;
    // problems
    exports dev.helpdesk.spi.problem;
}
