package dev.helpdesk.spi.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A short passage of an article around the words a reader searched for, with those words
 * marked. Made of plain-text {@link Fragment}s; {@link #html()} escapes every fragment and adds
 * nothing but {@code <mark>} and {@code </mark>} around the highlighted ones, so it is safe to
 * put into an HTML page whatever the article or the query held.
 *
 * @param fragments the passage in order, highlighted or not
 */
public record Snippet(List<Fragment> fragments) {
    /** The empty snippet, for an article matched by its title alone or without text. */
    public static final Snippet EMPTY = new Snippet(List.of());

    /**
     * Copies the fragments.
     *
     * @param fragments the passage in order, highlighted or not
     */
    public Snippet {
        fragments = List.copyOf(fragments);
    }

    /**
     * One piece of a snippet.
     *
     * @param text        plain text, never markup
     * @param highlighted whether it is one of the words searched for
     */
    public record Fragment(String text, boolean highlighted) {
        /**
         * Checks the text is present.
         *
         * @param text plain text, never markup
         * @param highlighted whether it is one of the words searched for
         */
        public Fragment {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A snippet of plain text with highlighted ranges.
     *
     * @param text   the passage
     * @param ranges start (inclusive) and end (exclusive) offsets of the highlighted words, in order,
     *               not overlapping, within the text
     * @return the snippet
     * @throws IllegalArgumentException when the ranges are out of order or out of the text
     */
    public static Snippet of(String text, List<int[]> ranges) {
        List<Fragment> parts = new ArrayList<>();
        int at = 0;
        for (int[] r : ranges) {
            if (r.length != 2 || r[0] < at || r[1] < r[0] || r[1] > text.length()) {
                throw new IllegalArgumentException("highlight ranges must be ordered, disjoint and within the text");
            }
            if (r[0] > at) {
                parts.add(new Fragment(text.substring(at, r[0]), false));
            }
            if (r[1] > r[0]) {
                parts.add(new Fragment(text.substring(r[0], r[1]), true));
            }
            at = r[1];
        }
        if (at < text.length()) {
            parts.add(new Fragment(text.substring(at), false));
        }
        return new Snippet(parts);
    }

    /**
     * The passage as plain text, without marks.
     *
     * @return the text
     */
    public String text() {
        StringBuilder out = new StringBuilder();
        fragments.forEach(f -> out.append(f.text()));
        return out.toString();
    }

    /**
     * The passage as HTML: every character of the text escaped ({@code & < > " '}), the
     * highlighted words in {@code <mark>…</mark>}, no other markup.
     *
     * @return the HTML
     */
    public String html() {
        StringBuilder out = new StringBuilder();
        for (Fragment f : fragments) {
            if (f.highlighted()) {
                out.append("<mark>");
            }
            escape(f.text(), out);
            if (f.highlighted()) {
                out.append("</mark>");
            }
        }
        return out.toString();
    }

    /**
     * The highlighted words, in order.
     *
     * @return the words
     */
    public List<String> highlights() {
        return fragments.stream().filter(Fragment::highlighted).map(Fragment::text).toList();
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
}
