/**
 * SQL dialects: the {@link dev.helpdesk.jdbc.dialect.SqlDialect} SPI, the built-in dialects
 * for H2, PostgreSQL, MariaDB and MySQL 8, and their detection from a connection's metadata.
 */
package dev.helpdesk.jdbc.dialect;
