/**
 * Exports of helpdesk reports: CSV (Apache Commons CSV) and a self-contained HTML page with
 * inline SVG charts. Depends on the contract only, never on the behaviour module.
 */
module dev.helpdesk.export {
    requires transitive dev.helpdesk.spi;
    requires org.apache.commons.csv;

    exports dev.helpdesk.export;
}
