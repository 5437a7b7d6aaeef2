package dev.helpdesk.jdbc.schema;

import java.util.List;
import java.util.Objects;

/**
 * One version of the schema: a script per dialect named as Flyway expects,
 * {@code db/helpdesk/<dialect>/V<version>__<description>.sql}.
 *
 * @param version     the version, from 1 up without gaps
 * @param description the script name's description part, such as {@code init}
 */
public record Migration(int version, String description) {

    private static final List<Migration> ALL = List.of(new Migration(1, "init"), new Migration(2, "sla_events"),
            new Migration(3, "escalation_events"), new Migration(4, "long_field_values"),
            new Migration(5, "ticket_tags_and_fields"), new Migration(6, "queues_seats_and_turns"),
            // channel intake
            new Migration(7, "channel_messages"),
            // channels
            new Migration(8, "channels"),
            // remote sessions and on-site visits
            new Migration(9, "remote_sessions_and_visits"),
            // knowledge base
            new Migration(10, "knowledge_base"),
            // feedback and reports
            new Migration(11, "feedback_and_reports"),
            // problems
            new Migration(12, "problems"),
            // the SLA policy on record and completed clock cycles
            new Migration(13, "sla_records"));

    /**
     * Checks the parts.
     *
     * @param version the version, from 1 up without gaps
     * @param description the script name's description part, such as {@code init}
     */
    public Migration {
        Objects.requireNonNull(description, "description");
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
    }

    /**
     * Every version of the schema this library knows, oldest first. Every dialect ships a
     * script for each.
     *
     * @return the migrations
     */
    public static List<Migration> all() {
        return ALL;
    }

    /**
     * The script's file name.
     *
     * @return such as {@code V1__init.sql}
     */
    public String fileName() {
        return "V" + version + "__" + description + ".sql";
    }
}
