package dev.helpdesk.jdbc.reliability;

import static dev.helpdesk.jdbc.support.Fixtures.T0;
import static dev.helpdesk.jdbc.support.Fixtures.assign;
import static dev.helpdesk.jdbc.support.Fixtures.priority;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.jdbc.JdbcStores;
import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.jdbc.support.Database;
import dev.helpdesk.jdbc.support.Fixtures;
import dev.helpdesk.jdbc.support.TestPool;
import dev.helpdesk.spi.StoreException;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.Tickets;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The database connection dies in the middle of a command (the server ends the session, as
 * {@code pg_terminate_backend} or {@code KILL} do; on H2 the connection is closed): nothing of
 * the command remains, the ticket, its events and its outbox rows agree, and the next command
 * works.
 */
class FaultTest {
    private static final TenantId TENANT = TenantId.of("acme");

    /** Where the connection dies: before the first statement whose SQL contains this, or before the commit. */
    @ParameterizedTest(name = "{0}, killed before {1}")
    @CsvSource({
        "H2, UPDATE hd_ticket", "H2, INSERT INTO hd_ticket_event", "H2, INSERT INTO hd_outbox", "H2, COMMIT",
        "POSTGRESQL, UPDATE hd_ticket", "POSTGRESQL, INSERT INTO hd_ticket_event", "POSTGRESQL, INSERT INTO hd_outbox",
        "POSTGRESQL, COMMIT",
        "MARIADB, UPDATE hd_ticket", "MARIADB, INSERT INTO hd_ticket_event", "MARIADB, INSERT INTO hd_outbox",
        "MARIADB, COMMIT"})
    void a_connection_dying_mid_command_leaves_no_partial_state_and_the_next_command_works(Database database, String point)
            throws SQLException {
        try (TestPool pool = database.fresh()) {
            JdbcTicketStore healthy = JdbcStores.create(pool);
            Ticket t = healthy.commit(TENANT, Fixtures.open(TENANT, 1)).get();
            AtomicReference<String> armed = new AtomicReference<>(point);
            JdbcTicketStore doomed = JdbcStores.builder(new Killing(pool, database, armed)).migrate(false).build();

            assertThrows(StoreException.class, () -> doomed.commit(TENANT, Fixtures.then(t,
                    priority(t, T0, Priority.HIGH), assign(t, T0, "ana"))));
            assertEquals(null, armed.get(), "the fault was injected");

            assertEquals(t, healthy.find(TENANT, t.id()).get());
            assertEquals(1, healthy.history(TENANT, t.id()).size());
            assertEquals(1, count(pool, "SELECT COUNT(*) FROM hd_outbox"));
            Ticket next = doomed.commit(TENANT, Fixtures.then(t, priority(t, T0, Priority.URGENT))).get();
            List<RecordedEvent> history = healthy.history(TENANT, t.id());
            assertEquals(next, Tickets.replay(TENANT, history.stream().map(RecordedEvent::event).toList()));
            assertEquals(next, healthy.find(TENANT, t.id()).get());
            assertEquals(2, count(pool, "SELECT COUNT(*) FROM hd_outbox"));
            assertTrue(healthy.list(TENANT, dev.helpdesk.spi.ticket.TicketQuery.all(),
                    dev.helpdesk.spi.ticket.PageRequest.first(5)).items().contains(next));
        }
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** A data source whose connections are ended by the server at the armed point, once. */
    private static final class Killing implements DataSource {
        private final TestPool pool;
        private final Database database;
        private final AtomicReference<String> armed;

        Killing(TestPool pool, Database database, AtomicReference<String> armed) {
            this.pool = pool;
            this.database = database;
            this.armed = armed;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection real = pool.getConnection();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("commit")) {
                            maybeKill(real, "COMMIT");
                        }
                        Object result = invoke(method, real, args);
                        if (method.getName().equals("prepareStatement") && args.length == 1) {
                            String sql = (String) args[0];
                            PreparedStatement statement = (PreparedStatement) result;
                            return Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                                    new Class<?>[] {PreparedStatement.class}, (p, m, a) -> {
                                        if (m.getName().startsWith("execute")) {
                                            maybeKill(real, sql);
                                        }
                                        return invoke(m, statement, a);
                                    });
                        }
                        return result;
                    });
        }

        private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
            try {
                return m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private void maybeKill(Connection victim, String sql) throws SQLException {
            String point = armed.get();
            // contains, not starts with: on PostgreSQL an event row and its outbox row are one statement
            // (WITH event AS (INSERT INTO hd_ticket_event ...) INSERT INTO hd_outbox ...), killed before it
            if (point == null || !sql.contains(point) || !armed.compareAndSet(point, null)) {
                return;
            }
            switch (database) {
                case H2 -> victim.unwrap(Connection.class).close();
                case POSTGRESQL -> terminate(victim, "SELECT pg_backend_pid()", "SELECT pg_terminate_backend(?)");
                case MARIADB -> terminate(victim, "SELECT CONNECTION_ID()", "KILL ?");
                default -> throw new IllegalStateException();
            }
        }

        private void terminate(Connection victim, String whoAmI, String kill) throws SQLException {
            long id;
            try (Statement s = victim.createStatement(); ResultSet r = s.executeQuery(whoAmI)) {
                r.next();
                id = r.getLong(1);
            }
            try (Connection admin = pool.physical().getConnection(); PreparedStatement s = admin.prepareStatement(kill)) {
                s.setLong(1, id);
                s.execute();
            }
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
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
        public Logger getParentLogger() {
            return Logger.getGlobal();
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
}
