/**
 * Knowledge-base search on Apache Lucene: an implementation of
 * {@link dev.helpdesk.spi.knowledge.KnowledgeSearch}. Depends on the contract, never on the
 * behaviour module: a search engine is a plugin that the SPI alone makes possible.
 */
module dev.helpdesk.search.lucene {
    requires transitive dev.helpdesk.spi;
    requires transitive org.apache.lucene.core;
    requires org.apache.lucene.analysis.common;
    requires org.slf4j;

    exports dev.helpdesk.search.lucene;
}
