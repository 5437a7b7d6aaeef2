/**
 * Exports of a {@link dev.helpdesk.spi.report.Report}: {@link dev.helpdesk.export.CsvExport}
 * writes every figure as rows of one CSV table, {@link dev.helpdesk.export.HtmlReport} renders a
 * self-contained page with inline SVG charts that a browser shows without scripts or network.
 */
package dev.helpdesk.export;
