package dev.helpdesk.developer.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

class JsonProperties {
    @Property(tries = 500)
    void any_text_reads_back_as_written(@ForAll @StringLength(max = 60) String name, @ForAll @StringLength(max = 200) String text) {
        assertEquals(Map.of(name, text), Json.parse("{" + Json.quote(name) + ":" + Json.quote(text) + "}"));
    }

    @Property(tries = 300)
    void a_cut_document_is_refused_and_never_read_as_something_else(@ForAll @StringLength(min = 1, max = 40) String text) {
        String doc = "{\"t\":" + Json.quote(text) + "}";
        for (int cut = 0; cut < doc.length(); cut++) {
            String part = doc.substring(0, cut);
            assertThrows(IllegalArgumentException.class, () -> Json.parse(part));
        }
    }
}
