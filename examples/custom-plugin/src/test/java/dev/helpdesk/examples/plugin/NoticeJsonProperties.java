package dev.helpdesk.examples.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class NoticeJsonProperties {

    @Property
    void every_string_survives_the_json_encoding_and_leaves_no_raw_control_character(@ForAll String text) {
        String json = NoticeJson.string(new StringBuilder(), text).toString();

        assertTrue(json.chars().noneMatch(c -> c < 0x20), json);
        assertEquals(text, decode(json));
    }

    /** A JSON string literal read back, as RFC 8259 defines it. */
    private static String decode(String literal) {
        assertTrue(literal.startsWith("\"") && literal.endsWith("\"") && literal.length() >= 2, literal);
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c == '"') {
                throw new AssertionError("an unescaped quote inside " + literal);
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = literal.charAt(++i);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new AssertionError("no such escape: \\" + e);
            }
        }
        return out.toString();
    }
}
