package dev.helpdesk.spi.report;

/**
 * A store that answers reports itself (a database, with SQL aggregates). A desk on such a store
 * uses its {@link Reports}; on any other store it computes reports from the histories.
 */
public interface ReportingStore {
    /**
     * The store's reports.
     *
     * @return the engine
     */
    Reports reports();
}
