package dev.helpdesk.jdbc.internal;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.tenant.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Round-robin turns in {@code hd_routing_turn}: one row per group, locked while the next turn is
 * taken, so that every desk instance on the database shares one order.
 */
public final class Turns {
    private final Statements sql;
    private final SqlDialect dialect;
    private final Tables tables;

    /**
     * Makes the statements.
     *
     * @param sql     the statement runner
     * @param dialect the dialect
     * @param tables  the table names
     */
    public Turns(Statements sql, SqlDialect dialect, Tables tables) {
        this.sql = sql;
        this.dialect = dialect;
        this.tables = tables;
    }

    /**
     * Takes the group's next turn in the caller's transaction (see
     * {@link dev.helpdesk.spi.routing.RoutingTurns#nextTurn}).
     *
     * @param c          the connection, in a transaction
     * @param tenant     the tenant
     * @param group      the group
     * @param candidates the candidates in a stable order, not empty
     * @return the agent whose turn it is
     * @throws SQLException when the database fails
     */
    public AgentId next(Connection c, TenantId tenant, GroupId group, List<AgentId> candidates) throws SQLException {
        Statements.Binder key = p -> p.text(tenant.value()).text(group.value());
        lock(c, key);
        Optional<String> last = sql.first(c, "SELECT last_agent_id FROM " + tables.turn()
                        + " WHERE tenant_id = ? AND group_id = ?", key,
                r -> r.getString("last_agent_id"));
        int at = last.map(id -> candidates.indexOf(AgentId.of(id))).orElse(-1);
        AgentId next = candidates.get(at < 0 ? 0 : (at + 1) % candidates.size());
        sql.update(c, "UPDATE " + tables.turn() + " SET last_agent_id = ? WHERE tenant_id = ? AND group_id = ?",
                p -> {
                    p.text(next.value());
                    key.bind(p);
                });
        return next;
    }

    /**
     * Locks the group's row with a write that changes nothing, creating the row on the group's
     * first turn. A write, not a shared lock upgraded later: two turns that both held a shared
     * lock would deadlock on the upgrade.
     */
    private void lock(Connection c, Statements.Binder key) throws SQLException {
        String touch = "UPDATE " + tables.turn() + " SET last_agent_id = last_agent_id WHERE tenant_id = ? AND group_id = ?";
        if (sql.update(c, touch, key) == 1) {
            return;
        }
        // insert, never lock-then-insert: on InnoDB two lockers of a missing row would deadlock
        // on the gap; two inserters of one new row only queue on it
        try {
            sql.update(c, dialect.insertIgnore(tables.turn(), List.of("tenant_id", "group_id", "last_agent_id"),
                    List.of("tenant_id", "group_id")), p -> {
                        key.bind(p);
                        p.text((String) null);
                    });
        } catch (SQLException e) {
            // a concurrent first turn created it (H2's MERGE reports the race as a duplicate)
            if (!dialect.isDuplicateKey(e)) {
                throw e;
            }
        }
        if (sql.update(c, touch, key) != 1) {
            throw new IllegalStateException("the turn row is missing right after its creation");
        }
    }
}
