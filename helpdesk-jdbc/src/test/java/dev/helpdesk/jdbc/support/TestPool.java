package dev.helpdesk.jdbc.support;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A minimal connection pool for tests: reuses physical connections so that tests on
 * PostgreSQL do not pay a process start per call. A connection whose use failed is discarded.
 */
public final class TestPool implements DataSource, AutoCloseable {
    private final DataSource physical;
    private final LinkedBlockingDeque<Connection> idle = new LinkedBlockingDeque<>();

    public TestPool(DataSource physical) {
        this.physical = physical;
    }

    public DataSource physical() {
        return physical;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = idle.pollFirst();
        while (c != null && c.isClosed()) {
            c = idle.pollFirst();
        }
        Connection real = c != null ? c : physical.getConnection();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Handler(real));
    }

    private final class Handler implements InvocationHandler {
        private final Connection real;
        private boolean closed;
        private boolean broken;

        Handler(Connection real) {
            this.real = real;
        }

        @Override
        public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("close")) {
                if (!closed) {
                    closed = true;
                    giveBack();
                }
                return null;
            }
            if (name.equals("isClosed")) {
                return closed || real.isClosed();
            }
            if (name.equals("unwrap") && args[0] == Connection.class) {
                return real;
            }
            if (closed) {
                throw new SQLException("connection returned to the pool");
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof SQLException s && (s.getSQLState() == null || s.getSQLState().startsWith("08"))) {
                    broken = true;
                }
                throw e.getCause();
            }
        }

        private void giveBack() {
            try {
                if (broken || real.isClosed() || !real.isValid(2)) {
                    real.close();
                    return;
                }
                if (!real.getAutoCommit()) {
                    real.rollback();
                    real.setAutoCommit(true);
                }
                idle.offerFirst(real);
            } catch (SQLException e) {
                try {
                    real.close();
                } catch (SQLException ignored) {
                    // already broken
                }
            }
        }
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
    }

    @Override
    public void setLoginTimeout(int seconds) {
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
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
