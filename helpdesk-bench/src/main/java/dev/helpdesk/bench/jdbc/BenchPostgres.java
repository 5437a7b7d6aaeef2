package dev.helpdesk.bench.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An embedded PostgreSQL for the benchmarks, with {@code synchronous_commit=on} (every commit
 * waits for its WAL flush), and small connection pools on it so that no benchmark measures
 * connection set-up.
 */
public final class BenchPostgres implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    private int databases;

    /** Starts PostgreSQL. */
    public BenchPostgres() {
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPGStartupWait(java.time.Duration.ofMinutes(2))
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("max_connections", "100")
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("embedded PostgreSQL did not start", e);
        }
    }

    /** A new, empty database and a pool on it. */
    public Pool database() {
        String name = "bench_" + (++databases);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setPortNumbers(new int[] {postgres.getPort()});
        ds.setDatabaseName(name);
        ds.setUser("postgres");
        return new Pool(ds);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /** Reuses physical connections; hands each caller its own while borrowed. */
    public static final class Pool implements DataSource, AutoCloseable {
        private final DataSource physical;
        private final LinkedBlockingDeque<Connection> idle = new LinkedBlockingDeque<>();

        Pool(DataSource physical) {
            this.physical = physical;
        }

        /** Another pool on the same database: another host instance. */
        Pool another() {
            return new Pool(physical);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection pooled = idle.pollFirst();
            Connection real = pooled != null ? pooled : physical.getConnection();
            boolean[] closed = {false};
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            if (!closed[0]) {
                                closed[0] = true;
                                if (!real.getAutoCommit()) {
                                    real.rollback();
                                    real.setAutoCommit(true);
                                }
                                idle.offerFirst(real);
                            }
                            return null;
                        }
                        if (method.getName().equals("isClosed")) {
                            return closed[0];
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public void close() {
            Connection c;
            while ((c = idle.pollFirst()) != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing anyway
                }
            }
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException();
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
            // not used
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
