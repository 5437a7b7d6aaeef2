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
 */
public record Tables(String ticket, String event, String number, String outbox, String receipt, String lease,
                     String tag, String field) {

    /**
     * The table names in a schema.
     *
     * @param schema the schema, or empty for the connection's default
     * @return the names
     */
    public static Tables in(Optional<String> schema) {
        String p = schema.map(s -> s + ".").orElse("");
        return new Tables(p + "hd_ticket", p + "hd_ticket_event", p + "hd_ticket_number", p + "hd_outbox",
                p + "hd_outbox_receipt", p + "hd_lease", p + "hd_ticket_tag", p + "hd_ticket_field");
    }
}
