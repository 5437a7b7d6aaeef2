package dev.helpdesk.bench.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.parser.Parser;

/**
 * One language of an office suite's HTML help, as installed from a distribution's help package
 * ({@code <help>/<lang>/text/**}{@code /*.html} and {@code <help>/<lang>/bookmarks.js}): its pages
 * and the queries its alphabetical index makes. Read from disk only; nothing of it is kept in
 * the repository.
 *
 * <p>A page is its {@code <title>} and the text of its display area (jsoup, markup dropped). The
 * index's entries are {@code term -- subterm} pointing to a page; a query is an entry's main term
 * (before {@code --}), and its relevant pages are every page an entry of that main term points
 * to, as a reader who looks a word up in the index is sent to any of them. Terms that point to
 * more than {@value #MAX_RELEVANT} pages ("deleting", "defining") are left out: they name no
 * topic. Queries are halved by a hash of the term ({@link #held(String)}): one half for tuning,
 * one held out.
 */
final class HelpCorpus {
    /** Index terms with more pages than this are not queries. */
    static final int MAX_RELEVANT = 20;
    private static final Pattern HEADING = Pattern.compile("h[1-6]");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00a0]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{2,}");
    private static final Pattern ENTRY = Pattern.compile("\\{url:\"([^\"]*)\", app:\"[^\"]*\", text:\"([^\"]*)\"\\}");

    /**
     * A help page: its path under the language's folder, title, readable text, and the same text
     * as Markdown (paragraphs, and headings marked {@code ##}) for the knowledge article.
     */
    record Page(String key, String title, String body, String markdown) {
    }

    /** An index term, the pages it points to, and whether it belongs to the held-out half. */
    record Query(String text, Set<String> relevant, boolean held) {
    }

    final String language;
    final List<Page> pages;
    final List<Query> queries;

    private HelpCorpus(String language, List<Page> pages, List<Query> queries) {
        this.language = language;
        this.pages = pages;
        this.queries = queries;
    }

    /**
     * Reads one language.
     *
     * @param folder the language's folder ({@code .../help/nl}, {@code .../help/en-US})
     * @param indexedOnly keep only the pages the index points to (those it does not are mostly
     *                    the Basic macro library's reference pages), as the yardstick's figures do
     * @return the pages and queries
     */
    static HelpCorpus read(Path folder, boolean indexedOnly) {
        String tag = folder.getFileName().toString();
        String language = tag.split("-")[0].toLowerCase(Locale.ROOT);
        List<Page> pages = new ArrayList<>();
        Path text = folder.resolve("text");
        try (Stream<Path> files = Files.walk(text)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                Page page = page(folder.relativize(file).toString().replace('\\', '/'), file);
                if (page != null) {
                    pages.add(page);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the help pages in " + text, e);
        }
        Set<String> keys = new LinkedHashSet<>();
        pages.forEach(p -> keys.add(p.key()));
        Set<String> indexed = new LinkedHashSet<>();
        List<Query> queries = queries(folder.resolve("bookmarks.js"), tag, keys, indexed);
        if (indexedOnly) {
            pages.removeIf(p -> !indexed.contains(p.key()));
        }
        return new HelpCorpus(language, pages, queries);
    }

    private static Page page(String key, Path file) throws IOException {
        Document doc = Jsoup.parse(file.toFile(), StandardCharsets.UTF_8.name());
        Element area = doc.getElementById("DisplayArea");
        // the display area: the page without the menus, index and contents every page repeats;
        // the index's keywords sit in <meta> tags there, which have no text
        Element content = area != null ? area : doc.body();
        String body = content.text();
        String title = doc.title().strip();
        if (title.isEmpty()) {
            Element h1 = doc.selectFirst("h1");
            title = h1 == null ? "" : h1.text().strip();
        }
        if (title.isEmpty() && body.isBlank()) {
            return null;
        }
        return new Page(key, title, body, markdown(content));
    }

    /** Paragraphs and headings of an HTML element as Markdown; every other tag only separates words. */
    static String markdown(Element content) {
        StringBuilder md = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    md.append(text.text().replace('\n', ' '));
                } else if (node instanceof Element e) {
                    if (HEADING.matcher(e.normalName()).matches()) {
                        md.append("\n\n## ");
                    } else if (e.isBlock() || e.normalName().equals("br")) {
                        md.append("\n\n");
                    } else {
                        md.append(' ');
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && (e.isBlock() || HEADING.matcher(e.normalName()).matches())) {
                    md.append("\n\n");
                }
            }
        }, content);
        return BLANK_LINES.matcher(SPACES.matcher(md).replaceAll(" ").replace("\n ", "\n").replace(" \n", "\n"))
                .replaceAll("\n\n").strip();
    }

    private static List<Query> queries(Path bookmarks, String tag, Set<String> keys, Set<String> indexed) {
        String js;
        try {
            js = Files.readString(bookmarks, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the help index " + bookmarks, e);
        }
        Map<String, Set<String>> byTerm = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(js);
        while (m.find()) {
            String url = m.group(1);
            String key = url.replaceFirst("[?#].*$", "");
            if (key.startsWith(tag + "/")) {
                key = key.substring(tag.length() + 1);
            }
            if (!keys.contains(key)) {
                continue;
            }
            indexed.add(key);
            String entry = Parser.unescapeEntities(m.group(2), false);
            String term = entry.split(" -- ", 2)[0].strip();
            if (!term.isEmpty()) {
                byTerm.computeIfAbsent(term, t -> new LinkedHashSet<>()).add(key);
            }
        }
        List<Query> queries = new ArrayList<>();
        byTerm.forEach((term, relevant) -> {
            if (relevant.size() <= MAX_RELEVANT) {
                queries.add(new Query(term, Set.copyOf(relevant), held(term)));
            }
        });
        return queries;
    }

    /**
     * One half of the queries.
     *
     * @param half {@code tune}, {@code held} or {@code all}
     * @return the corpus with that half of the queries
     */
    HelpCorpus half(String half) {
        return switch (half) {
            case "all" -> this;
            case "tune", "held" -> new HelpCorpus(language, pages,
                    queries.stream().filter(q -> q.held() == half.equals("held")).toList());
            default -> throw new IllegalArgumentException("half must be tune, held or all: " + half);
        };
    }

    /**
     * Whether a term belongs to the held-out half: by the parity of a CRC-32 of its UTF-8 bytes,
     * stable across runs and JVMs.
     *
     * @param term the term
     * @return true for the held-out half
     */
    static boolean held(String term) {
        CRC32 crc = new CRC32();
        crc.update(term.getBytes(StandardCharsets.UTF_8));
        return (crc.getValue() & 1) == 1;
    }
}
