package dev.helpdesk.jdbc.internal;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.Tier;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Maps the state of a ticket to its row in {@code hd_ticket} and back. Messages and merged
 * tickets are not columns: they are read from the ticket's events.
 */
public final class TicketRows {
    /** The state columns, in the order {@link #bindState} fills them. */
    public static final List<String> STATE_COLUMNS = List.of(
            "subject", "requester_id", "channel", "category", "priority", "tier", "status", "assignee_id",
            "group_id", "follow_up_of", "merged_into", "created_at", "created_at_nanos", "updated_at",
            "updated_at_nanos", "solved_at", "solved_at_nanos", "cycle", "version");

    private final SqlDialect dialect;

    /**
     * Makes the mapper.
     *
     * @param dialect the dialect
     */
    public TicketRows(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Binds the state columns, in the order of {@link #STATE_COLUMNS}.
     *
     * @param p the parameters, at the first state column
     * @param t the state
     * @throws SQLException when the driver refuses
     */
    public static void bindState(Params p, Ticket t) throws SQLException {
        p.text(t.subject())
                .text(t.requester().value())
                .text(t.channel().code())
                .text(t.category().code())
                .text(t.priority().name())
                .text(t.tier().name())
                .text(t.status().name())
                .text(t.assignee().map(AgentId::value))
                .text(t.group().map(GroupId::value))
                .uuid(t.followUpOf().map(TicketId::value).orElse(null))
                .uuid(t.mergedInto().map(TicketId::value).orElse(null))
                .instantAndNanos(t.createdAt())
                .instantAndNanos(t.updatedAt())
                .instantAndNanos(t.solvedAt().orElse(null))
                .integer(t.cycle())
                .number(t.version());
    }

    /**
     * Reads a ticket row selected with {@code *} (or every column of {@link #STATE_COLUMNS} plus
     * tenant, id and number).
     *
     * @param r          the row
     * @param events     the mapper for instants
     * @param messages   the ticket's messages, oldest first
     * @param mergedFrom the tickets merged into it, oldest first
     * @return the ticket
     * @throws SQLException when the driver refuses
     */
    public Ticket read(ResultSet r, EventRows events, List<Message> messages, List<TicketId> mergedFrom) throws SQLException {
        return Ticket.builder()
                .tenant(TenantId.of(r.getString("tenant_id")))
                .id(TicketId.of(dialect.getUuid(r, "id")))
                .number(TicketNumber.of(r.getLong("number")))
                .subject(r.getString("subject"))
                .requester(CustomerId.of(r.getString("requester_id")))
                .channel(Channel.of(r.getString("channel")))
                .category(Category.of(r.getString("category")))
                .priority(Priority.valueOf(r.getString("priority")))
                .tier(Tier.valueOf(r.getString("tier")))
                .status(Status.valueOf(r.getString("status")))
                .assignee(Optional.ofNullable(r.getString("assignee_id")).map(AgentId::of))
                .group(Optional.ofNullable(r.getString("group_id")).map(GroupId::of))
                .messages(messages)
                .followUpOf(Optional.ofNullable(dialect.getUuid(r, "follow_up_of")).map(TicketId::of))
                .mergedInto(Optional.ofNullable(dialect.getUuid(r, "merged_into")).map(TicketId::of))
                .mergedFrom(mergedFrom)
                .createdAt(events.instant(r, "created_at"))
                .updatedAt(events.instant(r, "updated_at"))
                .solvedAt(Optional.ofNullable(events.instant(r, "solved_at")))
                .cycle(r.getInt("cycle"))
                .version(r.getLong("version"))
                .build();
    }
}
