package dev.helpdesk.jdbc.visit;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.jdbc.internal.EventRows;
import dev.helpdesk.jdbc.internal.Statements;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.visit.VisitId;
import dev.helpdesk.spi.visit.VisitSlot;
import dev.helpdesk.spi.visit.VisitStatus;
import dev.helpdesk.spi.visit.booking.Booking;
import dev.helpdesk.spi.visit.booking.Bookings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Books technicians' time inside a commit's transaction. A commit that books (plans or
 * reschedules a visit) first writes the lock row of each technician it books, in technician
 * order, which every other booking of that technician waits for until this transaction ends;
 * only then does it read the technician's bookings, so the check sees every booking that
 * committed before, and an overlap leaves the whole commit unwritten.
 */
public final class VisitBookingRows {
    private static final String HOLDING = "('" + VisitStatus.PLANNED.name() + "', '" + VisitStatus.CONFIRMED.name() + "', '"
            + VisitStatus.RESCHEDULED.name() + "')";
    private static final String COLUMNS = "tenant_id, visit_id, ticket_id, technician_id, slot_start_at, slot_start_at_nanos,"
            + " slot_end_at, slot_end_at_nanos, status";
    /** Instants are kept to the microsecond: the query widens by one, the exact check is made on the rows read. */
    private static final Duration MICRO = Duration.ofNanos(1000);

    private final Statements sql;
    private final SqlDialect dialect;
    private final String booking;
    private final String lock;

    /**
     * Makes the statements.
     *
     * @param sql     the statement runner
     * @param dialect the dialect
     * @param schema  the schema, or empty for the connection's default
     */
    public VisitBookingRows(Statements sql, SqlDialect dialect, Optional<String> schema) {
        this.sql = sql;
        this.dialect = dialect;
        String p = schema.map(s -> s + ".").orElse("");
        this.booking = p + "hd_visit_booking";
        this.lock = p + "hd_technician_lock";
    }

    /**
     * Checks and writes the bookings of a commit's visit events.
     *
     * @param c       the connection, in the commit's transaction
     * @param tenant  the tenant
     * @param changes the commit
     * @return the overlap that refuses the commit (the caller rolls back), or empty when written
     * @throws SQLException when the database fails
     */
    public Optional<Rejection> book(Connection c, TenantId tenant, List<TicketChange> changes) throws SQLException {
        List<TicketEvent> visitEvents = new ArrayList<>();
        for (TicketChange change : changes) {
            for (TicketEvent e : change.events()) {
                if (Bookings.visitOf(e).isPresent()) {
                    visitEvents.add(e);
                }
            }
        }
        if (visitEvents.isEmpty()) {
            return Optional.empty(); // the usual commit: not one statement more
        }
        Map<VisitId, Booking> pending = new LinkedHashMap<>();
        Map<VisitId, Boolean> stored = new LinkedHashMap<>();
        // who is booked: planned events name the technician, reschedules name a stored visit
        TreeSet<String> technicians = new TreeSet<>();
        for (TicketEvent e : visitEvents) {
            VisitId visit = Bookings.visitOf(e).orElseThrow();
            if (e instanceof TicketEvent.VisitPlanned p) {
                technicians.add(p.technician().value());
            } else if (e instanceof TicketEvent.VisitRescheduled && !pending.containsKey(visit)) {
                find(c, tenant, visit).ifPresent(b -> technicians.add(b.technician().value()));
            }
        }
        for (String technician : technicians) {
            lock(c, tenant, technician);
        }
        for (TicketEvent e : visitEvents) {
            VisitId visit = Bookings.visitOf(e).orElseThrow();
            Optional<Booking> before = pending.containsKey(visit) ? Optional.of(pending.get(visit)) : find(c, tenant, visit);
            stored.putIfAbsent(visit, before.isPresent() && !pending.containsKey(visit));
            Optional<Booking> after = Bookings.after(tenant, before, e);
            if (after.isEmpty()) {
                continue;
            }
            if (Bookings.books(e)) {
                Booking wanted = after.get();
                Optional<Booking> taken = overlapping(c, tenant, wanted.technician(), wanted.slot()).stream()
                        .map(b -> pending.getOrDefault(b.visit(), b))
                        .filter(b -> !b.visit().equals(wanted.visit()) && b.status().holdsSlot() && b.slot().overlaps(wanted.slot()))
                        .findFirst()
                        .or(() -> pending.values().stream().filter(b -> b.technician().equals(wanted.technician())
                                && !b.visit().equals(wanted.visit()) && b.status().holdsSlot()
                                && b.slot().overlaps(wanted.slot())).findFirst());
                if (taken.isPresent()) {
                    return Optional.of(Bookings.overlap(wanted, taken.get()));
                }
            }
            pending.put(visit, after.get());
        }
        for (Booking b : pending.values()) {
            write(c, b, stored.getOrDefault(b.visit(), false));
        }
        return Optional.empty();
    }

    /** Writes the technician's lock row, creating it first when this is their first booking. */
    private void lock(Connection c, TenantId tenant, String technician) throws SQLException {
        String update = "UPDATE " + lock + " SET claims = claims + 1 WHERE tenant_id = ? AND technician_id = ?";
        Statements.Binder key = p -> p.text(tenant.value()).text(technician);
        if (sql.update(c, update, key) == 1) {
            return;
        }
        // insert, never lock-then-insert: on InnoDB two lockers of a missing row would deadlock on the gap
        try {
            sql.update(c, dialect.insertIgnore(lock, List.of("tenant_id", "technician_id", "claims"),
                    List.of("tenant_id", "technician_id")), p -> {
                        key.bind(p);
                        p.number(0);
                    });
        } catch (SQLException e) {
            if (!dialect.isDuplicateKey(e)) {
                throw e;
            }
        }
        if (sql.update(c, update, key) != 1) {
            throw new IllegalStateException("the lock row of technician " + technician + " is missing right after its creation");
        }
    }

    private void write(Connection c, Booking b, boolean exists) throws SQLException {
        if (exists) {
            sql.update(c, "UPDATE " + booking + " SET"
                            + " slot_start_at = ?,"
                            + " slot_start_at_nanos = ?,"
                            + " slot_end_at = ?,"
                            + " slot_end_at_nanos = ?,"
                            + " status = ?"
                            + " WHERE tenant_id = ? AND visit_id = ?",
                    p -> p.instantAndNanos(b.slot().start()).instantAndNanos(b.slot().end()).text(b.status().name())
                            .text(b.tenant().value()).uuid(b.visit().value()));
            return;
        }
        sql.update(c, "INSERT INTO " + booking + " (" + COLUMNS + ") VALUES (" + Statements.placeholders(9) + ")",
                p -> p.text(b.tenant().value()).uuid(b.visit().value()).uuid(b.ticket().value())
                        .text(b.technician().value()).instantAndNanos(b.slot().start()).instantAndNanos(b.slot().end())
                        .text(b.status().name()));
    }

    /**
     * One visit's booking.
     *
     * @param c      the connection
     * @param tenant the tenant
     * @param visit  the visit
     * @return the booking, or empty
     * @throws SQLException when the database fails
     */
    public Optional<Booking> find(Connection c, TenantId tenant, VisitId visit) throws SQLException {
        return sql.first(c, "SELECT " + COLUMNS + " FROM " + booking + " WHERE tenant_id = ? AND visit_id = ?"
                        + dialect.latestCommitted(),
                p -> p.text(tenant.value()).uuid(visit.value()), this::row);
    }

    /**
     * A technician's bookings that hold their slot and overlap a span, earliest first.
     *
     * @param c          the connection
     * @param tenant     the tenant
     * @param technician the technician
     * @param span       the span
     * @return the bookings
     * @throws SQLException when the database fails
     */
    public List<Booking> overlapping(Connection c, TenantId tenant, AgentId technician, VisitSlot span) throws SQLException {
        return sql.query(c, "SELECT " + COLUMNS + " FROM " + booking
                                + " WHERE tenant_id = ?"
                                + " AND technician_id = ?"
                                + " AND status IN " + HOLDING
                                + " AND slot_start_at < ?"
                                + " AND slot_end_at > ?"
                                + " ORDER BY slot_start_at, slot_start_at_nanos, visit_id" + dialect.latestCommitted(),
                        p -> p.text(tenant.value()).text(technician.value()).instant(span.end().plus(MICRO))
                                .instant(span.start().minus(MICRO)), this::row)
                .stream().filter(b -> b.slot().overlaps(span)).toList();
    }

    private Booking row(ResultSet r) throws SQLException {
        return new Booking(TenantId.of(r.getString("tenant_id")), VisitId.of(dialect.getUuid(r, "visit_id")),
                TicketId.of(dialect.getUuid(r, "ticket_id")), AgentId.of(r.getString("technician_id")),
                new VisitSlot(instant(r, "slot_start_at"), instant(r, "slot_end_at")),
                VisitStatus.valueOf(r.getString("status")));
    }

    private Instant instant(ResultSet r, String column) throws SQLException {
        Instant coarse = dialect.getInstant(r, column);
        return Instant.ofEpochSecond(coarse.getEpochSecond(), coarse.getNano() - coarse.getNano() % 1000 + r.getInt(column + "_nanos"));
    }
}
