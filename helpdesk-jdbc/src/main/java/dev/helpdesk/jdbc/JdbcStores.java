package dev.helpdesk.jdbc;

import dev.helpdesk.jdbc.dialect.Dialects;
import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.jdbc.outbox.OutboxRelay;
import dev.helpdesk.jdbc.schema.SchemaMigrator;
import dev.helpdesk.jdbc.transaction.LocalTransactions;
import dev.helpdesk.jdbc.transaction.TransactionRunner;
import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.StoreException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Entry point of the JDBC adapter: builds a {@link JdbcTicketStore} on the host's
 * {@link DataSource}.
 *
 * <pre>{@code
 * JdbcTicketStore store = JdbcStores.builder(dataSource)
 *     .schema("helpdesk")              // optional
 *     .transactions(springRunner)      // optional: join the host's transactions
 *     .build();                        // detects the dialect, installs or upgrades the schema
 * }</pre>
 */
public final class JdbcStores {
    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private JdbcStores() {
    }

    /**
     * A store with every default: the dialect detected, its own transactions, the connection's
     * default schema, the schema installed or upgraded by the built-in migrator, the outbox on.
     *
     * @param dataSource the host's database
     * @return the store
     * @throws ConfigurationException when the database is not supported
     * @throws StoreException         when the database cannot be reached or migrated
     */
    public static JdbcTicketStore create(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /**
     * Starts configuring a store.
     *
     * @param dataSource the host's database; the store takes one connection per call and gives
     *                   it back at once, so a pooled data source is recommended
     * @return the builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * A data source without a pool that opens a new connection on every call through
     * {@link DriverManager}: for demos, tests and command-line tools. A server application
     * passes its own pooled data source instead.
     *
     * @param url      the JDBC URL, such as {@code jdbc:h2:./helpdesk} or
     *                 {@code jdbc:postgresql://localhost/helpdesk}; its driver must be on the
     *                 class path
     * @param user     the user, or null
     * @param password the password, or null
     * @return the data source
     */
    public static DataSource dataSource(String url, String user, String password) {
        return new DriverManagerDataSource(Objects.requireNonNull(url, "url"), user, password);
    }

    /** Collects the options of a store. */
    public static final class Builder {
        private final DataSource dataSource;
        private SqlDialect dialect;
        private TransactionRunner transactions;
        private Optional<String> schema = Optional.empty();
        private boolean migrate = true;
        private boolean outbox = true;
        private OutboxRelay.Settings relaySettings = OutboxRelay.Settings.defaults();

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * Sets the dialect instead of detecting it: for a database without a built-in dialect,
         * or to force a variant (such as H2 without {@code SKIP LOCKED}).
         *
         * @param dialect the dialect
         * @return this builder
         */
        public Builder dialect(SqlDialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * Makes the store run its work through the host's transactions (see
         * {@link TransactionRunner}); by default it opens its own. Ticket numbers still come from
         * short transactions of the store's own on the data source given to
         * {@link JdbcStores#builder}, so that data source must hand out connections outside the
         * host's transaction (the plain pool, not a transaction-aware proxy).
         *
         * @param runner the runner
         * @return this builder
         */
        public Builder transactions(TransactionRunner runner) {
            this.transactions = Objects.requireNonNull(runner, "runner");
            return this;
        }

        /**
         * Keeps the tables in a schema (on MariaDB and MySQL: a database) other than the
         * connection's default. The schema must exist.
         *
         * @param name an unquoted SQL identifier
         * @return this builder
         * @throws ConfigurationException when the name is not a plain identifier
         */
        public Builder schema(String name) {
            if (name == null || !SCHEMA_NAME.matcher(name).matches()) {
                throw new ConfigurationException("schema name must be a plain SQL identifier: " + name);
            }
            this.schema = Optional.of(name);
            return this;
        }

        /**
         * Whether {@link #build()} installs or upgrades the schema with the built-in
         * {@link SchemaMigrator} (the default). Turn it off when the host runs the shipped
         * scripts with Flyway.
         *
         * @param enabled true to migrate on build
         * @return this builder
         */
        public Builder migrate(boolean enabled) {
            this.migrate = enabled;
            return this;
        }

        /**
         * Whether commits write every event to the outbox (the default). Turn it off only when
         * no event listener will ever be used: otherwise the outbox keeps the events until a
         * relay delivers them.
         *
         * @param enabled true to write outbox rows
         * @return this builder
         */
        public Builder outbox(boolean enabled) {
            this.outbox = enabled;
            return this;
        }

        /**
         * Sets how the outbox relays retry failed deliveries.
         *
         * @param settings the settings
         * @return this builder
         */
        public Builder relaySettings(OutboxRelay.Settings settings) {
            this.relaySettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Builds the store: detects the dialect unless one was set, and migrates the schema
         * unless that was turned off. Costs one connection and, on a fresh database, the
         * schema's installation.
         *
         * @return the store
         * @throws ConfigurationException when the database is not supported or a schema script
         *                                changed after it was applied
         * @throws StoreException         when the database cannot be reached or migrated
         */
        public JdbcTicketStore build() {
            SqlDialect chosen = dialect != null ? dialect : detect();
            if (migrate) {
                new SchemaMigrator(dataSource, chosen, schema).migrate();
            }
            LocalTransactions own = new LocalTransactions(dataSource);
            TransactionRunner runner = transactions != null ? transactions : own;
            // numbers always come from the store's own short transactions, never the host's
            return new JdbcTicketStore(chosen, runner, own, schema, outbox, relaySettings);
        }

        private SqlDialect detect() {
            try (Connection c = dataSource.getConnection()) {
                return Dialects.detect(c.getMetaData());
            } catch (SQLException e) {
                throw new StoreException("cannot read the database's metadata to choose a dialect: " + e.getMessage(), e);
            }
        }
    }

    /** A data source that asks the driver manager for a new connection each time. */
    private static final class DriverManagerDataSource implements DataSource {
        private final String url;
        private final String user;
        private final String password;

        DriverManagerDataSource(String url, String user, String password) {
            this.url = url;
            this.user = user;
            this.password = password;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
        }

        @Override
        public Connection getConnection(String username, String pass) throws SQLException {
            return DriverManager.getConnection(url, username, pass);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // not used
        }

        @Override
        public void setLoginTimeout(int seconds) {
            DriverManager.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() {
            return DriverManager.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException("no java.util.logging here");
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            throw new SQLException("not a wrapper of " + type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return type.isInstance(this);
        }
    }
}
