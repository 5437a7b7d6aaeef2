package dev.helpdesk.jdbc.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Choosing a dialect from what the driver reports. */
class DialectsTest {

    @Test
    void an_unknown_database_is_a_configuration_error_naming_the_way_out() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> Dialects.detect("Oracle", "Oracle Database 23ai", 23, 0));
        assertTrue(e.getMessage().contains("Oracle"));
        assertTrue(e.getMessage().contains("dialect("));
    }

    @Test
    void each_built_in_database_gets_its_dialect() {
        assertInstanceOf(H2Dialect.class, Dialects.detect("H2", "2.3.232 (2024-08-11)", 2, 3));
        assertInstanceOf(PostgresDialect.class, Dialects.detect("PostgreSQL", "17.6", 17, 6));
        assertInstanceOf(MariaDbDialect.class, Dialects.detect("MariaDB", "11.4.5-MariaDB", 11, 4));
        assertInstanceOf(MariaDbDialect.class, Dialects.detect("MySQL", "5.5.5-10.11.6-MariaDB", 10, 11));
        assertEquals("mysql", Dialects.detect("MySQL", "8.0.36", 8, 0).name());
    }

    @Test
    void skip_locked_is_used_only_where_the_version_has_it() {
        assertTrue(Dialects.detect("H2", "2.2.220 (2023-07-04)", 2, 2).supportsSkipLocked());
        assertFalse(Dialects.detect("H2", "2.2.218 (2023-07-01)", 2, 2).supportsSkipLocked());
        assertFalse(Dialects.detect("H2", "2.1.214 (2022-06-13)", 2, 1).supportsSkipLocked());
        assertTrue(Dialects.detect("MariaDB", "10.6.16-MariaDB", 10, 6).supportsSkipLocked());
        assertFalse(Dialects.detect("MariaDB", "10.5.23-MariaDB", 10, 5).supportsSkipLocked());
        assertTrue(Dialects.detect("MySQL", "8.0.36", 8, 0).supportsSkipLocked());
        assertTrue(Dialects.detect("PostgreSQL", "12.1", 12, 1).supportsSkipLocked());
        assertThrows(UnsupportedOperationException.class, () -> new H2Dialect(false).forUpdateSkipLocked());
    }

    @Test
    void versions_too_old_for_the_schema_are_refused() {
        assertThrows(ConfigurationException.class, () -> Dialects.detect("PostgreSQL", "11.2", 11, 2));
        assertThrows(ConfigurationException.class, () -> Dialects.detect("MySQL", "5.7.44", 5, 7));
        assertThrows(ConfigurationException.class, () -> Dialects.detect("MariaDB", "10.2.1-MariaDB", 10, 2));
    }

    @Test
    void insert_ignore_never_updates_and_never_swallows_other_errors() {
        List<String> cols = List.of("tenant_id", "last_value");
        List<String> key = List.of("tenant_id");
        assertEquals("INSERT INTO t (tenant_id, last_value) VALUES (?, ?) ON CONFLICT (tenant_id) DO NOTHING",
                new PostgresDialect().insertIgnore("t", cols, key));
        assertEquals("INSERT INTO t (tenant_id, last_value) VALUES (?, ?) ON DUPLICATE KEY UPDATE tenant_id = tenant_id",
                new MariaDbDialect(true).insertIgnore("t", cols, key));
        assertFalse(new MySqlDialect().insertIgnore("t", cols, key).contains("IGNORE"));
        assertTrue(new H2Dialect(true).insertIgnore("t", cols, key).startsWith("MERGE INTO t t USING"));
    }
}
