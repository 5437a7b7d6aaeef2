/**
 * The behaviour of the helpdesk: the ticket lifecycle, the desk facade and the in-memory
 * adapters.
 */
module dev.helpdesk.core {
    requires transitive dev.helpdesk.spi;
    requires org.slf4j;

    exports dev.helpdesk.core.memory;
}
