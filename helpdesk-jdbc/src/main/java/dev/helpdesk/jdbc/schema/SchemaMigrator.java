package dev.helpdesk.jdbc.schema;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs and upgrades the helpdesk schema: applies the scripts of {@link Migration#all()}
 * that the database does not have yet, each exactly once, and records them in
 * {@code hd_schema_history}.
 *
 * <p>Safe when several host instances start at the same moment: every migrator first locks the
 * single row of {@code hd_schema_lock} on a connection of its own (the lock survives the
 * implicit commits of DDL on MariaDB and MySQL because the scripts run on another connection);
 * the others wait, then find the versions applied and do nothing. A script that was changed
 * after it was applied is reported as a {@link ConfigurationException}, never re-run.
 *
 * <p>A host that prefers Flyway runs the same scripts from
 * {@code classpath:db/helpdesk/<dialect>} with Flyway instead and does not call this class.
 */
public final class SchemaMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);
    private static final Pattern STATEMENT_END = Pattern.compile(";\\s*$", Pattern.MULTILINE);
    private static final long LOCK_WAIT_MILLIS = 300_000;

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final Optional<String> schema;

    /**
     * Makes a migrator.
     *
     * @param dataSource the database
     * @param dialect    its dialect, which names the folder of the scripts
     * @param schema     the schema (MariaDB and MySQL: the database) to install into, or empty
     *                   for the connection's default
     */
    public SchemaMigrator(DataSource dataSource, SqlDialect dialect, Optional<String> schema) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    /**
     * Applies every pending migration. Blocks while another instance migrates (up to five
     * minutes), then returns.
     *
     * @return the versions this call applied, oldest first; empty when the schema was current
     * @throws ConfigurationException when a script is missing from the class path or an applied
     *                                script was changed since
     * @throws StoreException         when the database fails
     */
    public List<Integer> migrate() {
        try (Connection lock = open(); Connection work = open()) {
            prepareLockTables(lock);
            lock.setAutoCommit(false);
            acquire(lock);
            try {
                return applyPending(work);
            } finally {
                lock.rollback();
                lock.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("schema migration failed: " + e.getMessage(), e);
        }
    }

    /**
     * Reads which versions are installed, without changing anything.
     *
     * @return the installed versions, oldest first; empty when nothing is installed or the
     *         history cannot be read
     */
    public List<Integer> installedVersions() {
        try (Connection c = open()) {
            return List.copyOf(readHistory(c).keySet().stream().sorted().toList());
        } catch (SQLException e) {
            // no history table yet: nothing is installed
            return List.of();
        }
    }

    private Connection open() throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(true);
            if (schema.isEmpty()) {
                return c;
            }
            String before = dialect.currentSchema(c);
            dialect.useSchema(c, schema.get());
            return restoringOnClose(c, before);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** The connection, which gets its schema setting back before it returns to the host's pool. */
    private Connection restoringOnClose(Connection c, String before) {
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(SchemaMigrator.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && !c.isClosed()) {
                        try {
                            dialect.useSchema(c, before);
                        } catch (SQLException e) {
                            LOG.warn("could not restore the connection's schema to {}: {}", before, e.toString());
                        }
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void prepareLockTables(Connection c) throws SQLException {
        createIfAbsent(c, "CREATE TABLE IF NOT EXISTS hd_schema_lock (id INTEGER NOT NULL PRIMARY KEY)");
        createIfAbsent(c, "CREATE TABLE IF NOT EXISTS hd_schema_history ("
                + "version INTEGER NOT NULL PRIMARY KEY, "
                + "description VARCHAR(200) NOT NULL, "
                + "script VARCHAR(200) NOT NULL, "
                + "checksum BIGINT NOT NULL, "
                + "installed_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)");
        try (PreparedStatement insert = c.prepareStatement(
                dialect.insertIgnore("hd_schema_lock", List.of("id"), List.of("id")))) {
            insert.setInt(1, 1);
            insert.executeUpdate();
        } catch (SQLException e) {
            // two instances inserted the lock row at once: the row is there, which is all we need
            if (!dialect.isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    private void createIfAbsent(Connection c, String ddl) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(ddl);
        } catch (SQLException e) {
            // PostgreSQL may report a concurrent CREATE ... IF NOT EXISTS as a duplicate key
            // (23505), a duplicate type or object (42710) or a duplicate table (42P07): either way
            // another instance created the table, which is all we need
            if (!dialect.isDuplicateKey(e) && !isDuplicateObject(e)) {
                throw e;
            }
        }
    }

    private static boolean isDuplicateObject(SQLException failure) {
        for (SQLException e = failure; e != null; e = e.getNextException()) {
            String state = e.getSQLState();
            if ("42710".equals(state) || "42P07".equals(state) || "42S01".equals(state)) {
                return true;
            }
        }
        return false;
    }

    private void acquire(Connection lock) throws SQLException {
        long deadline = System.nanoTime() + LOCK_WAIT_MILLIS * 1_000_000;
        while (true) {
            try (Statement s = lock.createStatement();
                 ResultSet r = s.executeQuery("SELECT id FROM hd_schema_lock WHERE id = 1" + dialect.forUpdate())) {
                if (!r.next()) {
                    throw new StoreException("the schema lock row is missing", null);
                }
                return;
            } catch (SQLException e) {
                if (!dialect.isTransient(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                lock.rollback();
                LOG.info("waiting for another instance to finish migrating the helpdesk schema");
            }
        }
    }

    private List<Integer> applyPending(Connection work) throws SQLException {
        Map<Integer, Long> applied = readHistory(work);
        List<Integer> done = new ArrayList<>();
        for (Migration m : Migration.all()) {
            String script = script(m);
            long checksum = checksum(script);
            Long known = applied.get(m.version());
            if (known != null) {
                if (known != checksum) {
                    throw new ConfigurationException("The helpdesk schema script " + m.fileName() + " for " + dialect.name()
                            + " differs from the one applied to this database (checksum " + known + " vs " + checksum
                            + "); scripts must never change once released.");
                }
                continue;
            }
            apply(work, m, script, checksum);
            done.add(m.version());
        }
        return done;
    }

    private Map<Integer, Long> readHistory(Connection c) throws SQLException {
        Map<Integer, Long> applied = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT version, checksum FROM hd_schema_history")) {
            while (r.next()) {
                applied.put(r.getInt(1), r.getLong(2));
            }
        }
        return applied;
    }

    private void apply(Connection work, Migration m, String script, long checksum) throws SQLException {
        LOG.info("applying helpdesk schema {} to {}", m.fileName(), dialect.name());
        work.setAutoCommit(false);
        try {
            for (String statement : statements(script)) {
                try (Statement s = work.createStatement()) {
                    s.execute(statement);
                }
            }
            try (PreparedStatement history = work.prepareStatement(
                    "INSERT INTO hd_schema_history (version, description, script, checksum) VALUES (?, ?, ?, ?)")) {
                history.setInt(1, m.version());
                history.setString(2, m.description());
                history.setString(3, m.fileName());
                history.setLong(4, checksum);
                history.executeUpdate();
            }
            work.commit();
        } catch (SQLException | RuntimeException e) {
            work.rollback();
            throw e;
        } finally {
            work.setAutoCommit(true);
        }
    }

    /**
     * Reads a dialect's script from the class path.
     *
     * @param m the migration
     * @return the script's text
     */
    String script(Migration m) {
        return script(dialect, m);
    }

    /**
     * Reads a dialect's script from the class path.
     *
     * @param dialect the dialect
     * @param m       the migration
     * @return the script's text
     * @throws ConfigurationException when the dialect does not ship the script
     */
    public static String script(SqlDialect dialect, Migration m) {
        String path = dialect.migrationFolder() + "/" + m.fileName();
        ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(SchemaMigrator.class.getClassLoader());
        InputStream in = SchemaMigrator.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            in = loader.getResourceAsStream(path);
        }
        if (in == null) {
            throw new ConfigurationException("The schema script " + path + " is not on the class path; the dialect "
                    + dialect.name() + " must ship one script for every helpdesk schema version.");
        }
        try (InputStream stream = in) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read " + path, e);
        }
    }

    /**
     * Splits a script into statements: a statement ends with a semicolon at the end of a line;
     * lines starting with {@code --} are comments.
     *
     * @param script the script
     * @return its statements, without the semicolons
     */
    static List<String> statements(String script) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        List<String> result = new ArrayList<>();
        for (String part : STATEMENT_END.split(withoutComments)) {
            if (!part.isBlank()) {
                result.add(part.strip());
            }
        }
        return result;
    }

    private static long checksum(String script) {
        CRC32 crc = new CRC32();
        crc.update(script.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
