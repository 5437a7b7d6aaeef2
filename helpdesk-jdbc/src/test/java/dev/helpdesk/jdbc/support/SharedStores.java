package dev.helpdesk.jdbc.support;

import dev.helpdesk.jdbc.JdbcStores;
import dev.helpdesk.jdbc.JdbcTicketStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;

/**
 * One migrated database per server for the contract suite, emptied before every test: cheaper
 * than a new database per test, and the schema stays the one the migrator installed.
 */
public final class SharedStores {
    private static final Map<Database, TestPool> POOLS = new EnumMap<>(Database.class);
    private static final Map<Database, JdbcTicketStore> STORES = new EnumMap<>(Database.class);

    private SharedStores() {
    }

    /**
     * An empty store on a database of this server.
     *
     * @param database the server
     * @return the store, with no rows in any table
     */
    public static synchronized JdbcTicketStore empty(Database database) {
        TestPool pool = POOLS.computeIfAbsent(database, Database::fresh);
        JdbcTicketStore store = STORES.computeIfAbsent(database, d -> JdbcStores.create(pool));
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (String table : new String[] {"hd_outbox_receipt", "hd_outbox", "hd_ticket_event", "hd_ticket",
                    "hd_ticket_number", "hd_ticket_tag", "hd_ticket_field", "hd_agent_seat", "hd_routing_turn", "hd_held_notice",
                    "hd_external_message",
                    // channels
                    "hd_idempotency", "hd_idempotency_error", "hd_phone_call", "hd_chat_line", "hd_chat_session", "hd_forum_post",
                    // remote sessions and on-site visits
                    "hd_visit_booking", "hd_technician_lock",
                    // problems
                    "hd_problem_handoff", "hd_problem"}) {
                s.executeUpdate("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the test database", e);
        }
        return store;
    }
}
