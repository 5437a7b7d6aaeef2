/**
 * Problems in the database: {@link dev.helpdesk.jdbc.problem.JdbcProblemStore} (schema version 12).
 */
package dev.helpdesk.jdbc.problem;
