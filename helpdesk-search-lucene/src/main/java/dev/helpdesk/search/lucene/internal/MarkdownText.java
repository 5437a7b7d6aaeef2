package dev.helpdesk.search.lucene.internal;

import java.util.regex.Pattern;

/**
 * The readable text of a Markdown body, for the index and for snippets: markup, link targets,
 * HTML tags and code fences' markers removed, the words kept. Not a Markdown renderer: it only
 * has to keep the words a reader sees and drop what they do not.
 */
public final class MarkdownText {
    private static final Pattern HTML_TAG = Pattern.compile("<[^>\\n]{0,500}>");
    private static final Pattern IMAGE_OR_LINK = Pattern.compile("!?\\[([^\\]\\n]{0,500})\\]\\([^)\\n]{0,2000}\\)");
    private static final Pattern REFERENCE_LINK = Pattern.compile("!?\\[([^\\]\\n]{0,500})\\]\\[[^\\]\\n]{0,200}\\]");
    private static final Pattern LINK_DEFINITION = Pattern.compile("(?m)^ {0,3}\\[[^\\]\\n]{1,200}\\]:.*$");
    private static final Pattern AUTOLINK = Pattern.compile("<(https?://[^>\\s]{1,2000})>");
    private static final Pattern FENCED_BLOCK = Pattern.compile("(?ms)^ {0,3}(```|~~~).*?^ {0,3}\\1[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("(?m)^ {0,3}(```|~~~).*$");
    private static final Pattern LINE_MARKERS = Pattern.compile("(?m)^ {0,3}(#{1,6}\\s+|>\\s?|[-*+]\\s+|\\d{1,9}[.)]\\s+)");
    private static final Pattern RULE = Pattern.compile("(?m)^ {0,3}([-*_])( *\\1){2,} *$");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*{1,3}|_{2,3}|~~|`+)");
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt|quot|#39|nbsp);");
    private static final Pattern SPACES = Pattern.compile("[ \\t]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private static final Pattern ATX_HEADING = Pattern.compile("(?m)^ {0,3}#{1,6}[ \\t]+(.+?)(?:[ \\t]+#+)?[ \\t]*$");

    private MarkdownText() {
    }

    /**
     * The words of a Markdown text's headings ({@code ## Heading} lines), one per line, for the
     * index's heading fields: a heading names what the section under it is about.
     *
     * @param markdown the text
     * @return the headings' plain text, empty when there are none
     */
    public static String headings(String markdown) {
        StringBuilder headings = new StringBuilder();
        java.util.regex.Matcher m = ATX_HEADING.matcher(FENCED_BLOCK.matcher(markdown).replaceAll(""));
        while (m.find()) {
            headings.append(plain(m.group(1))).append('\n');
        }
        return headings.toString().strip();
    }

    /**
     * The words of a Markdown text.
     *
     * @param markdown the text
     * @return plain text with paragraphs kept as line breaks
     */
    public static String plain(String markdown) {
        String text = markdown.replace("\r\n", "\n").replace('\r', '\n');
        text = FENCE.matcher(text).replaceAll("");
        text = LINK_DEFINITION.matcher(text).replaceAll("");
        text = AUTOLINK.matcher(text).replaceAll("$1");
        text = IMAGE_OR_LINK.matcher(text).replaceAll("$1");
        text = REFERENCE_LINK.matcher(text).replaceAll("$1");
        text = HTML_TAG.matcher(text).replaceAll(" ");
        text = RULE.matcher(text).replaceAll("");
        text = LINE_MARKERS.matcher(text).replaceAll("");
        text = EMPHASIS.matcher(text).replaceAll("");
        text = ENTITY.matcher(text).replaceAll(" ");
        text = SPACES.matcher(text).replaceAll(" ");
        text = BLANK_LINES.matcher(text).replaceAll("\n\n");
        return text.strip();
    }
}
