package dev.helpdesk.examples.plugin;

import dev.helpdesk.spi.notification.Notification;
import dev.helpdesk.spi.notification.Recipient;

/** A notice as one JSON object, written by hand: the plugin needs no JSON library. */
final class NoticeJson {
    private NoticeJson() {
    }

    static String of(Notification n) {
        StringBuilder json = new StringBuilder(256 + n.body().length());
        json.append('{');
        field(json, "id", n.id()).append(',');
        field(json, "tenant", n.tenant().value()).append(',');
        field(json, "ticket", n.ticket().value().toString()).append(',');
        json.append("\"number\":").append(n.number().value()).append(',');
        field(json, "topic", n.topic().key()).append(',');
        json.append("\"recipient\":{");
        field(json, "kind", WebhookNotifier.kindOf(n.recipient())).append(',');
        field(json, "id", n.recipient().id());
        if (n.recipient() instanceof Recipient.Agent agent && agent.role().isPresent()) {
            json.append(',');
            field(json, "role", agent.role().get());
        }
        json.append("},");
        field(json, "locale", n.locale().toLanguageTag()).append(',');
        field(json, "subject", n.subject()).append(',');
        field(json, "body", n.body()).append(',');
        json.append("\"urgent\":").append(n.urgent()).append(',');
        field(json, "createdAt", n.createdAt().toString()).append(',');
        field(json, "sendAt", n.sendAt().toString());
        return json.append('}').toString();
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        return string(string(json, name).append(':'), value);
    }

    /** A JSON string: quotes, backslashes and control characters escaped (RFC 8259). */
    static StringBuilder string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
