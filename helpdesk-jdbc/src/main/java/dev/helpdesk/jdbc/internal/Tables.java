package dev.helpdesk.jdbc.internal;

import java.util.Optional;

/**
 * The names of the helpdesk tables, qualified with the schema when the host chose one.
 *
 * @param ticket  {@code hd_ticket}
 * @param event   {@code hd_ticket_event}
 * @param number  {@code hd_ticket_number}
 * @param outbox  {@code hd_outbox}
 * @param receipt {@code hd_outbox_receipt}
 * @param lease   {@code hd_lease}
 * @param tag     {@code hd_ticket_tag}
 * @param field   {@code hd_ticket_field}
 * @param seat    {@code hd_agent_seat}
 * @param turn    {@code hd_routing_turn}
 * @param notice  {@code hd_held_notice}
 */
public record Tables(String ticket, String event, String number, String outbox, String receipt, String lease,
                     String tag, String field, String seat, String turn, String notice) {

    /**
     * The table names in a schema.
     *
     * @param schema the schema, or empty for the connection's default
     * @return the names
     */
    public static Tables in(Optional<String> schema) {
        String p = schema.map(s -> s + ".").orElse("");
        return new Tables(p + "hd_ticket", p + "hd_ticket_event", p + "hd_ticket_number", p + "hd_outbox",
                p + "hd_outbox_receipt", p + "hd_lease", p + "hd_ticket_tag", p + "hd_ticket_field",
                p + "hd_agent_seat", p + "hd_routing_turn", p + "hd_held_notice");
    }
}
