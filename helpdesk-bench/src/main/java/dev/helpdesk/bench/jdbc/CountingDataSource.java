package dev.helpdesk.bench.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that counts what goes to the database through it: each statement executed
 * (a batch counts once, as the one round trip it is, with its rows counted apart), each
 * commit and rollback, by SQL text. For finding the round trips of a path, not for
 * production: every call goes through a reflective proxy.
 */
public final class CountingDataSource implements DataSource {
    private final DataSource target;
    private final Map<String, LongAdder> executions = new ConcurrentHashMap<>();
    private final LongAdder commits = new LongAdder();
    private final LongAdder rollbacks = new LongAdder();
    private final LongAdder batchedRows = new LongAdder();
    private final Map<String, LongAdder> connectionCalls = new ConcurrentHashMap<>();

    /**
     * Counts what goes through a data source.
     *
     * @param target the data source
     */
    public CountingDataSource(DataSource target) {
        this.target = target;
    }

    /**
     * Executions by SQL text (whitespace folded), batches once each.
     *
     * @return a copy, sorted by text
     */
    public Map<String, Long> executions() {
        Map<String, Long> copy = new TreeMap<>();
        executions.forEach((sql, n) -> copy.put(sql, n.sum()));
        return copy;
    }

    /**
     * Statements executed, each batch once.
     *
     * @return the count
     */
    public long statements() {
        return executions.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /**
     * Commits.
     *
     * @return the count
     */
    public long commits() {
        return commits.sum();
    }

    /**
     * Rollbacks.
     *
     * @return the count
     */
    public long rollbacks() {
        return rollbacks.sum();
    }

    /**
     * Rows added to batches.
     *
     * @return the count
     */
    public long batchedRows() {
        return batchedRows.sum();
    }

    /**
     * Calls of each {@link Connection} method other than those that make statements, by name:
     * some drivers go to the database for some of them (a transaction isolation, a savepoint).
     *
     * @return a copy, sorted by name
     */
    public Map<String, Long> connectionCalls() {
        Map<String, Long> copy = new TreeMap<>();
        connectionCalls.forEach((name, n) -> copy.put(name, n.sum()));
        return copy;
    }

    /** Forgets every count. */
    public void reset() {
        connectionCalls.clear();
        executions.clear();
        commits.reset();
        rollbacks.reset();
        batchedRows.reset();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection real = target.getConnection();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (!name.startsWith("prepare") && !name.equals("createStatement")) {
                        connectionCalls.computeIfAbsent(name, k -> new LongAdder()).increment();
                    }
                    if (name.equals("commit")) {
                        commits.increment();
                    } else if (name.equals("rollback") && (args == null || args.length == 0)) {
                        rollbacks.increment();
                    }
                    Object result = call(real, method, args);
                    if (result instanceof Statement s && (name.equals("prepareStatement") || name.equals("prepareCall"))) {
                        return statement(s, (String) args[0]);
                    }
                    if (result instanceof Statement s) {
                        return statement(s, null);
                    }
                    return result;
                });
    }

    private Object statement(Statement real, String prepared) {
        Class<?>[] types = real instanceof java.sql.CallableStatement ? new Class<?>[] {java.sql.CallableStatement.class}
                : real instanceof java.sql.PreparedStatement ? new Class<?>[] {java.sql.PreparedStatement.class}
                : new Class<?>[] {Statement.class};
        return Proxy.newProxyInstance(Statement.class.getClassLoader(), types, (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("addBatch")) {
                batchedRows.increment();
            } else if (name.startsWith("execute")) {
                String sql = prepared != null ? prepared : args != null && args.length > 0 ? (String) args[0] : "?";
                executions.computeIfAbsent(sql.replaceAll("\\s+", " ").trim(), k -> new LongAdder()).increment();
            }
            return call(real, method, args);
        });
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return target.isWrapperFor(iface);
    }
}
