package dev.helpdesk.jdbc.internal;

import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.MessageId;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.Tier;
import dev.helpdesk.spi.ticket.Visibility;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Maps ticket events to rows of {@code hd_ticket_event} and back: one typed, nullable column
 * per payload field, so that the history is readable and reportable with plain SQL.
 */
public final class EventRows {
    /** The columns of {@code hd_ticket_event}, in the order {@link #bind} fills them. */
    public static final List<String> COLUMNS = List.of(
            "tenant_id", "ticket_id", "version", "kind", "occurred_at", "occurred_at_nanos",
            "actor_kind", "actor_id", "ticket_number", "subject", "requester_id", "channel",
            "category_from", "category_to", "priority_from", "priority_to", "tier_from", "tier_to",
            "status_from", "status_to", "agent_id", "group_from", "group_to", "related_ticket_id",
            "reason", "cycle", "automatic", "message_id", "message_author_kind", "message_author_id",
            "message_visibility", "message_channel", "message_body", "message_at", "message_at_nanos",
            "message_automatic", "sla_clock", "sla_threshold", "due_at", "due_at_nanos",
            "rule_name", "rule_trigger", "rule_depth", "role_name", "urgent", "tag", "field_name", "field_value",
            // channel intake, schema version 7
            "external_id", "external_outbound", "endpoint", "address_kind", "address", "attachment_name",
            "attachment_media_type", "attachment_size", "attachment_checksum", "attachment_key", "attachment_inline",
            // remote sessions and on-site visits (schema version 9)
            "work_id", "work_ref", "consent_scope", "consent_route", "duration_seconds", "tool_name", "session_end",
            "work_text", "slot_start_at", "slot_start_at_nanos", "slot_end_at", "slot_end_at_nanos", "address_street",
            "address_postal_code", "address_city", "address_country", "address_notes",
            // knowledge base
            "article_id", "article_solution",
            // feedback (schema version 11)
            "satisfaction_score", "satisfaction_out_of", "survey_id",
            // problems (schema version 12)
            "problem_id",
            // the SLA policy on record and completed clock cycles (schema version 13)
            "sla_policy", "sla_achieved");

    private final SqlDialect dialect;

    /**
     * Makes the mapper.
     *
     * @param dialect the database's dialect, for UUID and timestamp types
     */
    public EventRows(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * The insert statement for one event row.
     *
     * @param table the qualified table name
     * @return the SQL
     */
    public static String insertSql(String table) {
        return "INSERT INTO " + table + " (" + String.join(", ", COLUMNS) + ") VALUES ("
                + String.join(", ", COLUMNS.stream().map(c -> "?").toList()) + ")";
    }

    /**
     * The column list for a select.
     *
     * @return the columns, comma-separated
     */
    public static String selectList() {
        return String.join(", ", COLUMNS);
    }

    /** The values of one row while it is being filled. */
    private static final class Row {
        private final Object[] values = new Object[COLUMNS.size()];

        void set(String column, Object value) {
            values[COLUMNS.indexOf(column)] = value;
        }
    }

    /**
     * Fills the parameters of {@link #insertSql} for one event.
     *
     * @param statement the statement
     * @param tenant    the tenant
     * @param version   the ticket's version after the event
     * @param event     the event
     * @throws SQLException when the driver refuses
     */
    public void bind(PreparedStatement statement, TenantId tenant, long version, TicketEvent event) throws SQLException {
        Row row = new Row();
        row.set("tenant_id", tenant.value());
        row.set("ticket_id", event.ticketId().value());
        row.set("version", version);
        row.set("kind", event.kind());
        row.set("occurred_at", event.at());
        row.set("occurred_at_nanos", nanos(event.at()));
        row.set("actor_kind", actorKind(event.actor()));
        row.set("actor_id", actorId(event.actor()));
        payload(row, event);
        for (int i = 0; i < COLUMNS.size(); i++) {
            setValue(statement, i + 1, COLUMNS.get(i), row.values[i]);
        }
    }

    private static void payload(Row row, TicketEvent event) {
        if (event instanceof TicketEvent.Opened e) {
            row.set("ticket_number", e.number().value());
            row.set("subject", e.subject());
            row.set("requester_id", e.requester().value());
            row.set("channel", e.channel().code());
            row.set("category_to", e.category().code());
            row.set("priority_to", e.priority().name());
            row.set("tier_to", e.tier().name());
            row.set("group_to", e.group().map(GroupId::value).orElse(null));
            row.set("related_ticket_id", e.followUpOf().map(TicketId::value).orElse(null));
        } else if (event instanceof TicketEvent.MessagePosted e) {
            Message m = e.message();
            row.set("message_id", m.id().value());
            row.set("message_author_kind", actorKind(m.author()));
            row.set("message_author_id", actorId(m.author()));
            row.set("message_visibility", m.visibility().name());
            row.set("message_channel", m.channel().code());
            row.set("message_body", m.body());
            row.set("message_at", m.at());
            row.set("message_at_nanos", nanos(m.at()));
            row.set("message_automatic", m.automatic());
        } else if (event instanceof TicketEvent.Assigned e) {
            row.set("agent_id", e.agent().value());
        } else if (event instanceof TicketEvent.Unassigned e) {
            row.set("agent_id", e.previous().value());
        } else if (event instanceof TicketEvent.GroupChanged e) {
            row.set("group_from", e.from().map(GroupId::value).orElse(null));
            row.set("group_to", e.to().value());
        } else if (event instanceof TicketEvent.PriorityChanged e) {
            row.set("priority_from", e.from().name());
            row.set("priority_to", e.to().name());
        } else if (event instanceof TicketEvent.CategoryChanged e) {
            row.set("category_from", e.from().code());
            row.set("category_to", e.to().code());
        } else if (event instanceof TicketEvent.ChannelMoved e) {
            // channels: a ticket moved to another channel
            row.set("channel", e.channel().code());
            row.set("reason", e.reason());
        } else if (event instanceof TicketEvent.TierChanged e) {
            row.set("tier_from", e.from().name());
            row.set("tier_to", e.to().name());
            row.set("reason", e.reason());
        } else if (event instanceof TicketEvent.StatusChanged e) {
            row.set("status_from", e.from().name());
            row.set("status_to", e.to().name());
        } else if (event instanceof TicketEvent.Reopened e) {
            row.set("cycle", e.cycle());
        } else if (event instanceof TicketEvent.Closed e) {
            row.set("automatic", e.automatic());
        } else if (event instanceof TicketEvent.Merged e) {
            row.set("related_ticket_id", e.into().value());
        } else if (event instanceof TicketEvent.MergedIn e) {
            row.set("related_ticket_id", e.source().value());
        } else if (event instanceof TicketEvent.SlaWarning e) {
            row.set("sla_clock", e.clock().name());
            row.set("cycle", e.cycle());
            row.set("sla_threshold", e.thresholdPercent());
            row.set("due_at", e.dueAt());
            row.set("due_at_nanos", nanos(e.dueAt()));
        } else if (event instanceof TicketEvent.SlaBreached e) {
            row.set("sla_clock", e.clock().name());
            row.set("cycle", e.cycle());
            row.set("due_at", e.dueAt());
            row.set("due_at_nanos", nanos(e.dueAt()));
        } else if (event instanceof TicketEvent.SatisfactionRated e) {
            // feedback (schema version 11): the comment goes into reason, the cycle into cycle
            row.set("cycle", e.cycle());
            row.set("satisfaction_score", e.score());
            row.set("satisfaction_out_of", e.outOf());
            row.set("reason", e.comment());
            row.set("survey_id", e.survey().orElse(null));
        } else if (event instanceof TicketEvent.ProblemLinked e) {
            // problems (schema version 12)
            row.set("problem_id", e.problem());
        } else if (event instanceof TicketEvent.ProblemUnlinked e) {
            row.set("problem_id", e.problem());
        } else if (event instanceof TicketEvent.SlaCompleted e) {
            // schema version 13: the clock, cycle and due time as for warnings and breaches
            row.set("sla_clock", e.clock().name());
            row.set("cycle", e.cycle());
            row.set("sla_policy", e.policy());
            row.set("due_at", e.dueAt());
            row.set("due_at_nanos", nanos(e.dueAt()));
            row.set("sla_achieved", e.achieved());
        } else if (event instanceof TicketEvent.SlaPolicyApplied e) {
            // the SLA policy on record (schema version 13): NULL when none applies any more
            row.set("sla_policy", e.policy().orElse(null));
        } else if (!escalation(row, event) && !channelMessage(row, event) && !FieldWorkRows.payload(row::set, event)
                && !(event instanceof TicketEvent.Solved)) {
            throw new IllegalArgumentException("unknown event kind " + event.kind());
        }
    }

    /** The escalation, routing and notice events (schema version 3); false for other kinds. */
    private static boolean escalation(Row row, TicketEvent event) {
        if (event instanceof TicketEvent.RuleFired e) {
            row.set("rule_name", e.rule());
            row.set("rule_trigger", e.trigger());
            row.set("reason", e.reason());
            row.set("rule_depth", e.depth());
        } else if (event instanceof TicketEvent.RuleSkipped e) {
            row.set("rule_name", e.rule());
            row.set("rule_trigger", e.trigger());
            row.set("reason", e.reason());
        } else if (event instanceof TicketEvent.RuleActionFailed e) {
            // no column of its own: the action that failed is what the rule tried, kept beside the rule
            row.set("rule_name", e.rule());
            row.set("rule_trigger", e.action());
            row.set("reason", e.problem());
        } else if (event instanceof TicketEvent.EscalatedToRole e) {
            row.set("role_name", e.role());
            row.set("reason", e.reason());
            row.set("urgent", e.urgent());
        } else if (event instanceof TicketEvent.AgentNotified e) {
            row.set("agent_id", e.agent().value());
            row.set("reason", e.reason());
            row.set("urgent", e.urgent());
        } else if (event instanceof TicketEvent.CustomerNotified e) {
            row.set("requester_id", e.customer().value());
            row.set("reason", e.reason());
        } else if (event instanceof TicketEvent.TagAdded e) {
            row.set("tag", e.tag());
        } else if (event instanceof TicketEvent.TagRemoved e) {
            row.set("tag", e.tag());
        } else if (event instanceof TicketEvent.FieldSet e) {
            row.set("field_name", e.field());
            row.set("field_value", e.value().orElse(null));
        } else if (event instanceof TicketEvent.Queued e) {
            row.set("group_to", e.group().map(GroupId::value).orElse(null));
            row.set("reason", e.reason());
        } else if (event instanceof TicketEvent.ArticleLinked e) {
            // knowledge base
            row.set("article_id", e.article());
            row.set("article_solution", e.solution());
        } else {
            return false;
        }
        return true;
    }

    /** Channel intake: links of external message ids and attachments (schema version 7); false for other kinds. */
    private static boolean channelMessage(Row row, TicketEvent event) {
        if (event instanceof TicketEvent.ExternalMessageLinked e) {
            row.set("message_id", e.message().value());
            row.set("channel", e.channel().code());
            row.set("endpoint", e.endpoint());
            row.set("external_id", e.externalId());
            row.set("external_outbound", e.outbound());
            row.set("address_kind", e.addressKind());
            row.set("address", e.address());
            row.set("reason", e.automatic().orElse(null));
        } else if (event instanceof TicketEvent.AttachmentAdded e) {
            row.set("message_id", e.message().value());
            row.set("attachment_name", e.name());
            row.set("attachment_media_type", e.mediaType());
            row.set("attachment_size", e.size());
            row.set("attachment_checksum", e.checksum());
            row.set("attachment_key", e.storageKey());
            row.set("attachment_inline", e.inline());
        } else {
            return false;
        }
        return true;
    }

    private void setValue(PreparedStatement s, int index, String column, Object value) throws SQLException {
        if (column.endsWith("_at")) {
            dialect.setInstant(s, index, micros((Instant) value));
        } else if (column.equals("ticket_id") || column.equals("related_ticket_id") || column.equals("message_id")
                || column.equals("work_id") || column.equals("work_ref") || column.equals("article_id")
                || column.equals("problem_id")) {
            dialect.setUuid(s, index, (UUID) value);
        } else if (value == null) {
            s.setNull(index, nullType(column));
        } else if (value instanceof String text) {
            s.setString(index, text);
        } else if (value instanceof Long number) {
            s.setLong(index, number);
        } else if (value instanceof Integer number) {
            s.setInt(index, number);
        } else if (value instanceof Boolean flag) {
            s.setBoolean(index, flag);
        } else {
            throw new IllegalStateException("unmapped value for " + column);
        }
    }

    private static int nullType(String column) {
        return switch (column) {
            case "ticket_number", "version", "attachment_size", "duration_seconds" -> Types.BIGINT;
            case "cycle", "occurred_at_nanos", "message_at_nanos", "sla_threshold", "due_at_nanos", "rule_depth",
                 "slot_start_at_nanos", "slot_end_at_nanos", "satisfaction_score", "satisfaction_out_of" -> Types.INTEGER;
            case "automatic", "message_automatic", "urgent", "external_outbound", "attachment_inline",
                 "article_solution", "sla_achieved" -> Types.BOOLEAN;
            default -> Types.VARCHAR;
        };
    }

    /**
     * Reads one row selected with {@link #selectList()}.
     *
     * @param r the row
     * @return the event with its tenant and version
     * @throws SQLException when the driver refuses
     */
    public RecordedEvent read(ResultSet r) throws SQLException {
        TenantId tenant = TenantId.of(r.getString("tenant_id"));
        long version = r.getLong("version");
        TicketId ticket = TicketId.of(dialect.getUuid(r, "ticket_id"));
        Instant at = instant(r, "occurred_at");
        Actor actor = actor(r.getString("actor_kind"), r.getString("actor_id"));
        String kind = r.getString("kind");
        TicketEvent event = switch (kind) {
            case "opened" -> new TicketEvent.Opened(ticket, at, actor, TicketNumber.of(r.getLong("ticket_number")),
                    r.getString("subject"), CustomerId.of(r.getString("requester_id")), Channel.of(r.getString("channel")),
                    Category.of(r.getString("category_to")), Priority.valueOf(r.getString("priority_to")),
                    Tier.valueOf(r.getString("tier_to")), Optional.ofNullable(r.getString("group_to")).map(GroupId::of),
                    Optional.ofNullable(dialect.getUuid(r, "related_ticket_id")).map(TicketId::of));
            case "message_posted" -> new TicketEvent.MessagePosted(ticket, at, actor, message(r));
            case "assigned" -> new TicketEvent.Assigned(ticket, at, actor, AgentId.of(r.getString("agent_id")));
            case "unassigned" -> new TicketEvent.Unassigned(ticket, at, actor, AgentId.of(r.getString("agent_id")));
            case "group_changed" -> new TicketEvent.GroupChanged(ticket, at, actor,
                    Optional.ofNullable(r.getString("group_from")).map(GroupId::of), GroupId.of(r.getString("group_to")));
            case "priority_changed" -> new TicketEvent.PriorityChanged(ticket, at, actor,
                    Priority.valueOf(r.getString("priority_from")), Priority.valueOf(r.getString("priority_to")));
            case "category_changed" -> new TicketEvent.CategoryChanged(ticket, at, actor,
                    Category.of(r.getString("category_from")), Category.of(r.getString("category_to")));
            case "channel_moved" -> new TicketEvent.ChannelMoved(ticket, at, actor, Channel.of(r.getString("channel")),
                    r.getString("reason"));
            case "tier_changed" -> new TicketEvent.TierChanged(ticket, at, actor, Tier.valueOf(r.getString("tier_from")),
                    Tier.valueOf(r.getString("tier_to")), r.getString("reason"));
            case "status_changed" -> new TicketEvent.StatusChanged(ticket, at, actor,
                    Status.valueOf(r.getString("status_from")), Status.valueOf(r.getString("status_to")));
            case "solved" -> new TicketEvent.Solved(ticket, at, actor);
            case "reopened" -> new TicketEvent.Reopened(ticket, at, actor, r.getInt("cycle"));
            case "closed" -> new TicketEvent.Closed(ticket, at, actor, r.getBoolean("automatic"));
            case "merged" -> new TicketEvent.Merged(ticket, at, actor, TicketId.of(dialect.getUuid(r, "related_ticket_id")));
            case "merged_in" -> new TicketEvent.MergedIn(ticket, at, actor, TicketId.of(dialect.getUuid(r, "related_ticket_id")));
            case "sla_warning" -> new TicketEvent.SlaWarning(ticket, at, actor, ClockKind.valueOf(r.getString("sla_clock")),
                    r.getInt("cycle"), r.getInt("sla_threshold"), instant(r, "due_at"));
            case "sla_breached" -> new TicketEvent.SlaBreached(ticket, at, actor, ClockKind.valueOf(r.getString("sla_clock")),
                    r.getInt("cycle"), instant(r, "due_at"));
            case "rule_fired" -> new TicketEvent.RuleFired(ticket, at, actor, r.getString("rule_name"),
                    r.getString("rule_trigger"), r.getString("reason"), r.getInt("rule_depth"));
            case "rule_skipped" -> new TicketEvent.RuleSkipped(ticket, at, actor, r.getString("rule_name"),
                    r.getString("rule_trigger"), r.getString("reason"));
            case "rule_action_failed" -> new TicketEvent.RuleActionFailed(ticket, at, actor, r.getString("rule_name"),
                    r.getString("rule_trigger"), r.getString("reason"));
            case "escalated_to_role" -> new TicketEvent.EscalatedToRole(ticket, at, actor, r.getString("role_name"),
                    r.getString("reason"), r.getBoolean("urgent"));
            case "agent_notified" -> new TicketEvent.AgentNotified(ticket, at, actor, AgentId.of(r.getString("agent_id")),
                    r.getString("reason"), r.getBoolean("urgent"));
            case "customer_notified" -> new TicketEvent.CustomerNotified(ticket, at, actor,
                    CustomerId.of(r.getString("requester_id")), r.getString("reason"));
            case "tag_added" -> new TicketEvent.TagAdded(ticket, at, actor, r.getString("tag"));
            case "tag_removed" -> new TicketEvent.TagRemoved(ticket, at, actor, r.getString("tag"));
            case "field_set" -> new TicketEvent.FieldSet(ticket, at, actor, r.getString("field_name"),
                    Optional.ofNullable(r.getString("field_value")));
            case "queued" -> new TicketEvent.Queued(ticket, at, actor, Optional.ofNullable(r.getString("group_to")).map(GroupId::of),
                    r.getString("reason"));
            // channel intake
            case "external_message_linked" -> new TicketEvent.ExternalMessageLinked(ticket, at, actor,
                    new MessageId(dialect.getUuid(r, "message_id")), Channel.of(r.getString("channel")),
                    r.getString("endpoint"), r.getString("external_id"), r.getBoolean("external_outbound"),
                    r.getString("address_kind"), r.getString("address"), Optional.ofNullable(r.getString("reason")));
            case "attachment_added" -> new TicketEvent.AttachmentAdded(ticket, at, actor,
                    new MessageId(dialect.getUuid(r, "message_id")), r.getString("attachment_name"),
                    r.getString("attachment_media_type"), r.getLong("attachment_size"), r.getString("attachment_checksum"),
                    r.getString("attachment_key"), r.getBoolean("attachment_inline"));
            // knowledge base
            case "article_linked" -> new TicketEvent.ArticleLinked(ticket, at, actor, dialect.getUuid(r, "article_id"),
                    r.getBoolean("article_solution"));
            // feedback (schema version 11)
            case "satisfaction_rated" -> new TicketEvent.SatisfactionRated(ticket, at, actor, r.getInt("cycle"),
                    r.getInt("satisfaction_score"), r.getInt("satisfaction_out_of"), r.getString("reason"),
                    Optional.ofNullable(r.getString("survey_id")));
            // problems (schema version 12)
            case "problem_linked" -> new TicketEvent.ProblemLinked(ticket, at, actor, dialect.getUuid(r, "problem_id"));
            case "problem_unlinked" -> new TicketEvent.ProblemUnlinked(ticket, at, actor, dialect.getUuid(r, "problem_id"));
            // the SLA policy on record (schema version 13)
            case "sla_policy_applied" -> new TicketEvent.SlaPolicyApplied(ticket, at, actor,
                    Optional.ofNullable(r.getString("sla_policy")));
            case "sla_completed" -> new TicketEvent.SlaCompleted(ticket, at, actor, ClockKind.valueOf(r.getString("sla_clock")),
                    r.getInt("cycle"), r.getString("sla_policy"), instant(r, "due_at"), r.getBoolean("sla_achieved"));
            default -> FieldWorkRows.read(r, kind, ticket, at, actor, c -> dialect.getUuid(r, c), c -> instant(r, c))
                    .orElseThrow(() -> new IllegalStateException("unknown event kind in the database: " + kind));
        };
        return new RecordedEvent(tenant, version, event);
    }

    /**
     * Reads the message of a {@code message_posted} row.
     *
     * @param r the row
     * @return the message
     * @throws SQLException when the driver refuses
     */
    public Message message(ResultSet r) throws SQLException {
        return new Message(new MessageId(dialect.getUuid(r, "message_id")),
                actor(r.getString("message_author_kind"), r.getString("message_author_id")),
                Visibility.valueOf(r.getString("message_visibility")), Channel.of(r.getString("message_channel")),
                r.getString("message_body"), instant(r, "message_at"), r.getBoolean("message_automatic"));
    }

    /**
     * Reads an instant kept as a timestamp column plus a {@code <column>_nanos} column.
     *
     * @param r      the row
     * @param column the timestamp column
     * @return the exact instant, or null
     * @throws SQLException when the driver refuses
     */
    public Instant instant(ResultSet r, String column) throws SQLException {
        Instant coarse = dialect.getInstant(r, column);
        if (coarse == null) {
            return null;
        }
        return Instant.ofEpochSecond(coarse.getEpochSecond(), coarse.getNano() - coarse.getNano() % 1000 + r.getInt(column + "_nanos"));
    }

    /**
     * An instant cut to whole microseconds, as every supported database keeps it; cut here
     * rather than rounded by the database, so that {@link #nanos} holds exactly the rest.
     *
     * @param at an instant, may be null
     * @return the instant without its sub-microsecond part, or null
     */
    public static Instant micros(Instant at) {
        return at == null ? null : at.minusNanos(at.getNano() % 1000);
    }

    /**
     * The part of an instant below a microsecond, which not every database keeps.
     *
     * @param at an instant, may be null
     * @return its nanoseconds modulo 1000, or null
     */
    public static Integer nanos(Instant at) {
        return at == null ? null : at.getNano() % 1000;
    }

    /**
     * The kind column of an actor.
     *
     * @param actor the actor
     * @return {@code customer}, {@code agent}, {@code rule} or {@code integration}
     */
    public static String actorKind(Actor actor) {
        if (actor instanceof Actor.Customer) {
            return "customer";
        } else if (actor instanceof Actor.Agent) {
            return "agent";
        } else if (actor instanceof Actor.SystemRule) {
            return "rule";
        }
        return "integration";
    }

    /**
     * The id column of an actor.
     *
     * @param actor the actor
     * @return its id or name
     */
    public static String actorId(Actor actor) {
        if (actor instanceof Actor.Customer c) {
            return c.id().value();
        } else if (actor instanceof Actor.Agent a) {
            return a.id().value();
        } else if (actor instanceof Actor.SystemRule s) {
            return s.rule();
        }
        return ((Actor.Integration) actor).name();
    }

    /**
     * Rebuilds an actor from its columns.
     *
     * @param kind the kind column
     * @param id   the id column
     * @return the actor
     */
    public static Actor actor(String kind, String id) {
        return switch (kind) {
            case "customer" -> Actor.customer(id);
            case "agent" -> Actor.agent(id);
            case "rule" -> Actor.system(id);
            case "integration" -> Actor.integration(id);
            default -> throw new IllegalStateException("unknown actor kind in the database: " + kind);
        };
    }
}
