package dev.helpdesk.search.lucene.internal;

import dev.helpdesk.spi.knowledge.Snippet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The passage of an article's text that shows the most of the query's words, with those words
 * marked. The text is analysed as the index analysed it, so a word is marked when its stem, its
 * folded form, a compound it ends or a near spelling is among the query's terms. The passage is
 * plain text; {@link Snippet#html()} escapes it.
 */
public final class Snippets {
    /** The length of a snippet, in characters, about. */
    public static final int LENGTH = 200;
    /** How much of a long text is looked at. */
    static final int SCAN = 20_000;

    private Snippets() {
    }

    /**
     * The snippet of a text.
     *
     * @param text     the article's readable text
     * @param language the variant's language
     * @param terms    what the query looked for in that language
     * @return the snippet; the text's start without marks when no word matches
     */
    public static Snippet of(String text, String language, QueryPlanner.Terms terms) {
        String scanned = text.length() > SCAN ? text.substring(0, SCAN) : text;
        List<int[]> hits = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        try (TokenStream stream = Analysis.stem(language).tokenStream("s", scanned)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                int start = offset.startOffset();
                int end = offset.endOffset();
                if (start < 0 || end > scanned.length() || end <= start) {
                    continue;
                }
                String stem = term.toString();
                String folded = Analysis.fold(scanned.substring(start, end));
                String key = matches(stem, folded, terms);
                if (key != null) {
                    hits.add(new int[] {start, end});
                    keys.add(key);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return window(scanned, hits, keys);
    }

    private static String matches(String stem, String folded, QueryPlanner.Terms terms) {
        if (terms.stems().contains(stem)) {
            return stem;
        }
        if (terms.exact().contains(folded)) {
            return folded;
        }
        for (String suffix : terms.suffixes()) {
            if (stem.length() > suffix.length() && stem.endsWith(suffix)) {
                return suffix;
            }
        }
        for (String word : terms.fuzzy()) {
            int edits = word.length() >= 9 ? 2 : 1;
            if (Math.abs(word.length() - folded.length()) <= edits && !folded.isEmpty()
                    && folded.charAt(0) == word.charAt(0) && distance(word, folded, edits) <= edits) {
                return word;
            }
        }
        return null;
    }

    /** Levenshtein distance with adjacent transpositions, given up once above the limit. */
    static int distance(String a, String b, int limit) {
        int[] previous2 = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, previous2[j - 2] + 1);
                }
                current[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = previous2;
            previous2 = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    private static Snippet window(String text, List<int[]> hits, List<String> keys) {
        if (hits.isEmpty()) {
            int end = cut(text, Math.min(text.length(), LENGTH));
            List<Snippet.Fragment> parts = new ArrayList<>();
            parts.add(new Snippet.Fragment(flat(text.substring(0, end)), false));
            if (end < text.length()) {
                parts.add(new Snippet.Fragment(" …", false));
            }
            return text.isEmpty() ? Snippet.EMPTY : new Snippet(parts);
        }
        int bestFirst = 0;
        int bestCount = -1;
        for (int i = 0; i < hits.size(); i++) {
            Set<String> distinct = new HashSet<>();
            for (int j = i; j < hits.size() && hits.get(j)[1] - hits.get(i)[0] <= LENGTH - 40; j++) {
                distinct.add(keys.get(j));
            }
            if (distinct.size() > bestCount) {
                bestCount = distinct.size();
                bestFirst = i;
            }
        }
        int from = Math.max(0, hits.get(bestFirst)[0] - 40);
        if (from > 0) {
            int space = text.indexOf(' ', from);
            from = space >= 0 && space < hits.get(bestFirst)[0] ? space + 1 : hits.get(bestFirst)[0];
        }
        int to = cut(text, Math.min(text.length(), from + LENGTH));
        to = Math.max(to, hits.get(bestFirst)[1]);
        List<int[]> ranges = new ArrayList<>();
        for (int[] h : hits) {
            if (h[0] >= from && h[1] <= to) {
                ranges.add(new int[] {h[0] - from, h[1] - from});
            }
        }
        Snippet inner = Snippet.of(text.substring(from, to), ranges);
        List<Snippet.Fragment> parts = new ArrayList<>();
        if (from > 0) {
            parts.add(new Snippet.Fragment("… ", false));
        }
        for (Snippet.Fragment f : inner.fragments()) {
            parts.add(new Snippet.Fragment(flat(f.text()), f.highlighted()));
        }
        if (to < text.length()) {
            parts.add(new Snippet.Fragment(" …", false));
        }
        return new Snippet(parts);
    }

    /** Line breaks as spaces: a snippet is one line. */
    private static String flat(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }

    /** The end of a passage at a word boundary at or before {@code at}. */
    private static int cut(String text, int at) {
        if (at >= text.length()) {
            return text.length();
        }
        int space = text.lastIndexOf(' ', at);
        return space > at - 40 && space > 0 ? space : at;
    }
}
