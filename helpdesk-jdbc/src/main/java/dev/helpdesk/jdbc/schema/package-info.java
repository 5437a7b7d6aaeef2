/**
 * The schema: versioned scripts per dialect, shipped in the jar under {@code db/helpdesk/},
 * and the built-in migrator that applies them once, also under concurrent start-up.
 */
package dev.helpdesk.jdbc.schema;
