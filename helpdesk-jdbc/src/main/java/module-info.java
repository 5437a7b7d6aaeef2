/**
 * The JDBC adapter of the helpdesk: stores tickets, their histories and a transactional outbox
 * in the host's relational database, with a dialect per database and a built-in schema
 * migrator. Depends on the contract ({@code dev.helpdesk.spi}), {@code java.sql} and the SLF4J
 * API only.
 */
module dev.helpdesk.jdbc {
    requires transitive java.sql;
    requires transitive dev.helpdesk.spi;
    requires org.slf4j;
    requires static org.immutables.value;

    exports dev.helpdesk.jdbc;
    exports dev.helpdesk.jdbc.dialect;
    exports dev.helpdesk.jdbc.transaction;
    exports dev.helpdesk.jdbc.schema;
    exports dev.helpdesk.jdbc.outbox;
    // channels
    exports dev.helpdesk.jdbc.phone;
    exports dev.helpdesk.jdbc.chat;
    exports dev.helpdesk.jdbc.forum;
    // knowledge base
    exports dev.helpdesk.jdbc.knowledge;
    // feedback and reports
    exports dev.helpdesk.jdbc.report;
    // plain-JDBC units of work for hosts without a framework
    exports dev.helpdesk.jdbc.tx;
}
