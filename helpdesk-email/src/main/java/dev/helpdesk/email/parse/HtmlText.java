package dev.helpdesk.email.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an HTML mail into the plain text a ticket shows: scripts, styles and other non-content
 * are dropped, block elements become line breaks, list items get a dash, and quoted blocks
 * ({@code <blockquote>}) become {@code >} lines, so that quoted-reply stripping treats an
 * HTML-only mail like a plain one.
 */
public final class HtmlText {
    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "div", "dl", "dt", "dd",
            "fieldset", "figure", "footer", "form", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
            "section", "table", "tbody", "thead", "tfoot", "tr", "ul", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "center");
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
            "pre");

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00a0]+");

    private HtmlText() {
    }

    /**
     * The text of an HTML document or fragment.
     *
     * @param html the markup, as the sender wrote it
     * @return the text, lines separated by {@code \n}, without leading or trailing blank lines
     */
    public static String toText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head, title, template, noscript, object, embed, iframe, svg, meta, link").remove();
        Renderer renderer = new Renderer();
        NodeTraversor.traverse(renderer, doc.body());
        return renderer.result();
    }

    private static final class Renderer implements NodeVisitor {
        private final List<String> lines = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();
        private int depth;
        private int lineDepth;
        private int pre;

        @Override
        public void head(Node node, int level) {
            if (node instanceof TextNode text) {
                append(text.getWholeText(), text.getWholeText());
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("br")) {
                    newline(true);
                } else if (tag.equals("blockquote")) {
                    newline(false);
                    depth++;
                } else if (BLOCKS.contains(tag)) {
                    newline(false);
                    if (tag.equals("li")) {
                        append("- ", "- ");
                    } else if (tag.equals("pre")) {
                        pre++;
                    }
                } else if (tag.equals("td") || tag.equals("th")) {
                    if (line.length() > 0) {
                        line.append(' ');
                    }
                } else if (tag.equals("img")) {
                    String alt = element.attr("alt").strip();
                    if (!alt.isEmpty()) {
                        append("[" + alt + "]", alt);
                    }
                }
            }
        }

        @Override
        public void tail(Node node, int level) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("blockquote")) {
                    newline(false);
                    depth--;
                    blank();
                } else if (BLOCKS.contains(tag)) {
                    newline(false);
                    if (tag.equals("pre")) {
                        pre--;
                    }
                    if (PARAGRAPHS.contains(tag)) {
                        blank();
                    }
                }
            }
        }

        private void append(String text, String whole) {
            if (pre > 0) {
                String[] parts = text.replace("\r\n", "\n").split("\n", -1);
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0) {
                        newline(true);
                    }
                    startLine();
                    line.append(parts[i]);
                }
                return;
            }
            String normalized = WHITESPACE.matcher(whole).replaceAll(" ");
            if (line.length() == 0 || line.charAt(line.length() - 1) == ' ') {
                normalized = normalized.stripLeading();
            }
            if (normalized.isEmpty()) {
                return;
            }
            startLine();
            line.append(normalized);
        }

        private void startLine() {
            if (line.length() == 0) {
                lineDepth = depth;
            }
        }

        private void newline(boolean force) {
            String text = line.toString().strip();
            if (!text.isEmpty() || force) {
                lines.add(text.isEmpty() && lineDepth == 0 ? "" : prefix(lineDepth) + text);
            }
            line.setLength(0);
            lineDepth = depth;
        }

        private void blank() {
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).isEmpty()) {
                lines.add(depth > 0 ? prefix(depth).strip() : "");
            }
        }

        private static String prefix(int depth) {
            return depth > 0 ? "> ".repeat(depth) : "";
        }

        String result() {
            newline(false);
            List<String> out = new ArrayList<>();
            for (String l : lines) {
                String stripped = l.stripTrailing();
                boolean blank = stripped.isEmpty();
                if (blank && (out.isEmpty() || out.get(out.size() - 1).isEmpty())) {
                    continue;
                }
                out.add(stripped);
            }
            while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
                out.remove(out.size() - 1);
            }
            return String.join("\n", out);
        }
    }
}
