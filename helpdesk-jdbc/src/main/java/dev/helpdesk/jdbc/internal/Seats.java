package dev.helpdesk.jdbc.internal;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.SeatClaim;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.TicketChange;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Agents' seats: counts an agent's open tickets per channel, and claims a seat inside a commit's
 * transaction. A claim first writes the agent's seat row in {@code hd_agent_seat}
 * ({@code claims = claims + 1}), which every other claim on that agent and channel must wait
 * for until this transaction ends; only then does it count the agent's open tickets on the
 * channel, so the count sees every claim that committed before, and a claim that finds the
 * agent full leaves the whole commit unwritten.
 */
public final class Seats {
    private static final List<String> COUNTED = SeatClaim.COUNTED.stream().map(Status::name).sorted().toList();
    private static final String COUNTED_IN = "(" + String.join(", ", COUNTED.stream().map(s -> "'" + s + "'").toList()) + ")";

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
    public Seats(Statements sql, SqlDialect dialect, Tables tables) {
        this.sql = sql;
        this.dialect = dialect;
        this.tables = tables;
    }

    /**
     * Claims the seats a commit's changes name, in agent and channel order so that two commits
     * claiming the same seats cannot deadlock.
     *
     * @param c       the connection, in the commit's transaction
     * @param tenant  the tenant
     * @param changes the changes
     * @return the first claim that found the agent full, as the rejection; empty when every
     *         seat was free
     * @throws SQLException when the database fails
     */
    public Optional<Rejection> claim(Connection c, TenantId tenant, List<TicketChange> changes) throws SQLException {
        List<TicketChange> claiming = changes.stream().filter(ch -> ch.seat().isPresent())
                .sorted(Comparator.comparing((TicketChange ch) -> ch.seat().get().agent().value())
                        .thenComparing(ch -> ch.seat().get().channel().code()))
                .toList();
        for (TicketChange change : claiming) {
            SeatClaim seat = change.seat().orElseThrow();
            lock(c, tenant, seat);
            long held = sql.first(c, "SELECT COUNT(*) AS held FROM " + tables.ticket()
                            + " WHERE tenant_id = ? AND assignee_id = ? AND channel = ? AND status IN " + COUNTED_IN
                            + " AND id <> ?" + dialect.latestCommitted(),
                    p -> p.text(tenant.value()).text(seat.agent().value()).text(seat.channel().code())
                            .uuid(change.ticketId().value()),
                    r -> r.getLong("held")).orElse(0L);
            if (held >= seat.capacity()) {
                return Optional.of(new Rejection.NoCapacity(seat.agent().value(), seat.channel().code(), seat.capacity()));
            }
        }
        return Optional.empty();
    }

    /** Writes the seat row, creating it first when this is the seat's first claim. */
    private void lock(Connection c, TenantId tenant, SeatClaim seat) throws SQLException {
        String update = "UPDATE " + tables.seat() + " SET claims = claims + 1"
                + " WHERE tenant_id = ? AND agent_id = ? AND channel = ?";
        Statements.Binder key = p -> p.text(tenant.value()).text(seat.agent().value()).text(seat.channel().code());
        if (sql.update(c, update, key) == 1) {
            return;
        }
        // insert, never lock-then-insert: on InnoDB two lockers of a missing row would deadlock
        // on the gap; two inserters of one new row only queue on it
        try {
            sql.update(c, dialect.insertIgnore(tables.seat(), List.of("tenant_id", "agent_id", "channel", "claims"),
                    List.of("tenant_id", "agent_id", "channel")), p -> {
                        key.bind(p);
                        p.number(0);
                    });
        } catch (SQLException e) {
            // a concurrent first claim created it (H2's MERGE reports the race as a duplicate)
            if (!dialect.isDuplicateKey(e)) {
                throw e;
            }
        }
        if (sql.update(c, update, key) != 1) {
            throw new IllegalStateException("the seat row of agent " + seat.agent() + " on " + seat.channel()
                    + " is missing right after its creation");
        }
    }

    /**
     * How many counted tickets an agent holds, per channel: one grouped count over the
     * {@code hd_ticket_seat_ix} index.
     *
     * @param c      the connection
     * @param tenant the tenant
     * @param agent  the agent
     * @return the counts; channels without tickets are missing
     * @throws SQLException when the database fails
     */
    public Map<Channel, Integer> openCounts(Connection c, TenantId tenant, AgentId agent) throws SQLException {
        Map<Channel, Integer> counts = new HashMap<>();
        sql.forEach(c, "SELECT channel, COUNT(*) AS held FROM " + tables.ticket()
                        + " WHERE tenant_id = ? AND assignee_id = ? AND status IN " + COUNTED_IN + " GROUP BY channel",
                p -> p.text(tenant.value()).text(agent.value()),
                r -> counts.put(Channel.of(r.getString("channel")), r.getInt("held")));
        return Map.copyOf(counts);
    }
}
