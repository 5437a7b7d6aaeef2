package dev.helpdesk.core.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Whatever an author writes, the rendered HTML holds only CommonMark's own elements, every
 * link goes to http, https, mailto or a relative target, every image to http, https or a
 * relative source, and rendering never throws.
 */
class MarkdownProperties {
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s([a-zA-Z-]+)=\"([^\"]*)\"");
    private static final List<String> ELEMENTS = List.of("p", "em", "strong", "a", "img", "code", "pre", "ul", "ol", "li",
            "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr", "br");
    private static final List<String> ATTRIBUTES = List.of("href", "src", "alt", "title", "start", "class");

    private final MarkdownRenderer renderer = MarkdownRenderer.standard();

    @Provide
    Arbitrary<String> hostileMarkdown() {
        Arbitrary<String> pieces = Arbitraries.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                "[a](javascript:alert(1))", "[b](JaVaScRiPt:alert(1))", "[c](java\tscript:x)", "[d](data:text/html,x)",
                "[e](vbscript:x)", "[f](https://ok.example/x?y=\"z\")", "[g](/relative/path)", "![h](javascript:x)",
                "![i](https://img.example/i.png)", "![j](data:image/png;base64,AAA)", "<javascript:alert(1)>",
                "<https://auto.example>", "<a href=\"javascript:x\">k</a>", "<iframe src=//evil>", "<div onclick=x>",
                "\"quotes\" & 'apostrophes'", "**bold**", "_em_", "`code <b>`", "```\n<script>\n```", "> quote", "- item",
                "1. one", "# head", "\n\n", "\n", " ", "[ref]: javascript:alert(1)\n\n[ref]", "&#106;avascript:", "\u0000",
                "](", "[", ")", "<", ">", "&", "%0a", "\\", "*", "_", "~", "|", "---");
        Arbitrary<String> words = Arbitraries.strings().ofMaxLength(12);
        return Arbitraries.oneOf(pieces, words).list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Property(tries = 500)
    void rendered_html_holds_only_commonmark_elements_and_safe_targets(@ForAll("hostileMarkdown") String markdown) {
        check(renderer.toHtml(markdown));
    }

    @Property(tries = 300)
    void any_text_renders_without_throwing(@ForAll String markdown) {
        check(renderer.toHtml(markdown));
    }

    @Test
    void a_huge_deeply_nested_document_renders_without_throwing() {
        String nested = ">".repeat(200_000) + " deep";
        String html = renderer.toHtml(nested);
        assertTrue(html.contains("deep"));
        check(html);
        String brackets = "[".repeat(100_000) + "x" + "](javascript:y)".repeat(10_000);
        check(renderer.toHtml(brackets));
        String list = "- ".repeat(50_000) + "item";
        check(renderer.toHtml(list));
    }

    @Test
    void the_plain_fallback_escapes_everything() {
        assertEquals("<p>&lt;script&gt; &amp; &quot;x&quot; &#39;y&#39;</p>\n", MarkdownRenderer.plain("<script> & \"x\" 'y'"));
    }

    private static void check(String html) {
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            assertTrue(ELEMENTS.contains(name), () -> "element " + name + " in " + html);
            Matcher attribute = ATTRIBUTE.matcher(tag.group(3));
            while (attribute.find()) {
                String a = attribute.group(1).toLowerCase(Locale.ROOT);
                assertTrue(ATTRIBUTES.contains(a), () -> "attribute " + a + " in " + html);
                if (a.equals("href") || a.equals("src")) {
                    String target = attribute.group(2).replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
                    assertFalse(target.matches("^[a-z][a-z0-9+.-]*:.*") && !target.matches("^(https?|mailto):.*"),
                            () -> "target " + target + " in " + html);
                }
            }
        }
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), html);
    }
}
