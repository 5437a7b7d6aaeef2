package dev.helpdesk.jdbc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.jdbc.dialect.Dialects;
import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.TestPool;
import dev.helpdesk.spi.ConfigurationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Several host instances starting at the same moment install the schema exactly once. */
class ConcurrentMigrationTest {

    @ParameterizedTest
    @EnumSource(Database.class)
    void six_instances_migrating_at_once_apply_each_version_exactly_once(Database database) throws Exception {
        try (TestPool pool = database.fresh()) {
            SqlDialect dialect = dialect(pool);
            int instances = 6;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(instances);
            List<Future<List<Integer>>> results = new ArrayList<>();
            try {
                for (int i = 0; i < instances; i++) {
                    TestPool own = Database.anotherPool(pool);
                    results.add(threads.submit(() -> {
                        start.await();
                        return new SchemaMigrator(own, dialect, Optional.empty()).migrate();
                    }));
                }
                start.countDown();
                List<Integer> applied = new ArrayList<>();
                for (Future<List<Integer>> f : results) {
                    applied.addAll(f.get());
                }
                assertEquals(Migration.all().stream().map(Migration::version).toList(), applied);
            } finally {
                threads.shutdown();
            }
            assertEquals(List.of(), new SchemaMigrator(pool, dialect, Optional.empty()).migrate());
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT COUNT(*) FROM hd_schema_history")) {
                r.next();
                assertEquals(Migration.all().size(), r.getInt(1));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void a_script_changed_after_it_was_applied_stops_the_start_with_a_clear_error(Database database) throws Exception {
        try (TestPool pool = database.fresh()) {
            SqlDialect dialect = dialect(pool);
            new SchemaMigrator(pool, dialect, Optional.empty()).migrate();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE hd_schema_history SET checksum = checksum + 1 WHERE version = 1");
            }
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> new SchemaMigrator(pool, dialect, Optional.empty()).migrate());
            assertTrue(e.getMessage().contains("V1__init.sql"), e.getMessage());
        }
    }

    private static SqlDialect dialect(TestPool pool) throws Exception {
        try (Connection c = pool.getConnection()) {
            return Dialects.detect(c.getMetaData());
        }
    }
}
