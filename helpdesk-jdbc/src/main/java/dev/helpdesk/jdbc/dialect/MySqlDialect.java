package dev.helpdesk.jdbc.dialect;

/**
 * MySQL 8 and later: the same column types and statements as MariaDB, with
 * {@code SKIP LOCKED}. Its schema scripts live in a folder of their own so that the two can
 * diverge.
 */
public class MySqlDialect extends MariaDbDialect {

    /** Makes the dialect. */
    public MySqlDialect() {
        super(true);
    }

    @Override
    public String name() {
        return "mysql";
    }
}
