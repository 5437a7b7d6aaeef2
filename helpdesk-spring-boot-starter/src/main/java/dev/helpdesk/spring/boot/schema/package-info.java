/**
 * The desk's tables installed with Flyway: {@link dev.helpdesk.spring.boot.schema.FlywaySchemaInstaller}.
 */
package dev.helpdesk.spring.boot.schema;
