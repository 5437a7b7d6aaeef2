/**
 * Internals of the JDBC adapter shared by its packages; not exported, not API.
 */
package dev.helpdesk.jdbc.internal;
