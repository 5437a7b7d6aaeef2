package dev.helpdesk.core.knowledge;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders an article's Markdown (CommonMark) to HTML that is safe to put in a page whatever the
 * author wrote:
 * <ul>
 *   <li>raw HTML in the Markdown, block or inline ({@code <script>}, {@code <img onerror>},
 *       {@code <iframe>}), is shown as text, escaped, never passed through;</li>
 *   <li>a link keeps its text but loses its target unless the target is {@code http},
 *       {@code https}, {@code mailto} or relative; {@code javascript:}, {@code data:},
 *       {@code vbscript:}, {@code file:} and any other scheme, also disguised with case, white
 *       space or control characters, are dropped;</li>
 *   <li>an image is kept only with an {@code http} or {@code https} source (or a relative one),
 *       otherwise its alternative text is shown;</li>
 *   <li>text is escaped ({@code & < > "}); attribute values are escaped by the renderer.</li>
 * </ul>
 * It never throws for what the Markdown holds: a document the parser cannot handle (nesting
 * so deep that it would exhaust the stack) is shown as escaped plain text. The cost is linear
 * in the document's size for ordinary Markdown. Thread-safe; one instance serves a desk.
 */
public final class MarkdownRenderer {
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
    private static final Set<String> IMAGE_SCHEMES = Set.of("http", "https");
    private static final MarkdownRenderer STANDARD = new MarkdownRenderer();

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).build();

    private MarkdownRenderer() {
    }

    /**
     * The renderer.
     *
     * @return the one shared instance
     */
    public static MarkdownRenderer standard() {
        return STANDARD;
    }

    /**
     * Renders Markdown to safe HTML.
     *
     * @param markdown the Markdown as the author wrote it
     * @return the HTML: CommonMark's elements only, no raw HTML, no unsafe link or image
     */
    public String toHtml(String markdown) {
        Objects.requireNonNull(markdown, "markdown");
        try {
            Node document = parser.parse(markdown);
            document.accept(new UnsafeTargets());
            return renderer.render(document);
        } catch (RuntimeException | StackOverflowError e) {
            return plain(markdown);
        }
    }

    /** The text as escaped paragraphs, for a document the parser could not take. */
    static String plain(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (String paragraph : text.split("\\R\\s*\\R")) {
            if (paragraph.isBlank()) {
                continue;
            }
            out.append("<p>");
            escape(paragraph.strip(), out);
            out.append("</p>\n");
        }
        return out.toString();
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    /**
     * Tells whether a link or image target may stay.
     *
     * @param target  the destination as written
     * @param schemes the schemes allowed
     * @return true for a relative target or one of the schemes
     */
    static boolean allowed(String target, Set<String> schemes) {
        // browsers ignore white space and control characters inside a scheme: so does this check
        StringBuilder cleaned = new StringBuilder(Math.min(target.length(), 64));
        for (int i = 0; i < target.length() && cleaned.length() < 64; i++) {
            char c = target.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isISOControl(c) && !Character.isSpaceChar(c)) {
                cleaned.append(c);
            }
        }
        String t = cleaned.toString().toLowerCase(Locale.ROOT);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ':') {
                return schemes.contains(t.substring(0, i));
            }
            if (c == '/' || c == '?' || c == '#') {
                return true;
            }
        }
        // no scheme in the first characters: relative, unless a scheme hides beyond them
        return target.length() < 64 || !target.contains(":");
    }

    /** Removes the targets that are not allowed, keeping what readers read. */
    private static final class UnsafeTargets extends AbstractVisitor {
        @Override
        public void visit(Link link) {
            visitChildren(link);
            if (!allowed(link.getDestination(), LINK_SCHEMES)) {
                Node child = link.getFirstChild();
                while (child != null) {
                    Node next = child.getNext();
                    link.insertBefore(child);
                    child = next;
                }
                link.unlink();
            }
        }

        @Override
        public void visit(Image image) {
            if (!allowed(image.getDestination(), IMAGE_SCHEMES)) {
                StringBuilder alt = new StringBuilder();
                for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
                    if (child instanceof Text text) {
                        alt.append(text.getLiteral());
                    }
                }
                image.insertBefore(new Text(alt.toString()));
                image.unlink();
            }
        }
    }
}
