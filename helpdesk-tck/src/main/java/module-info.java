/**
 * The technology compatibility kit of the helpdesk: contract tests that every
 * {@link dev.helpdesk.spi.ticket.TicketStore} and {@link dev.helpdesk.spi.knowledge.KnowledgeSearch}
 * implementation must pass, and the builders of valid ticket histories they use.
 *
 * <p>A store implementation adds this module as a test dependency and subclasses
 * {@link dev.helpdesk.tck.TicketStoreContract}. The module is open so that JUnit can reach
 * the test methods by reflection.
 */
open module dev.helpdesk.tck {
    requires transitive dev.helpdesk.spi;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.jupiter.params;
    requires net.jqwik.api;

    exports dev.helpdesk.tck;
}
