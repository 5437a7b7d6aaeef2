package dev.helpdesk.search.lucene.relevance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The two engines the issue measures against, on the same pages:
 *
 * <ul>
 *   <li>{@code anyWord}: plain Lucene with the language's analyzer (EnglishAnalyzer,
 *       DutchAnalyzer, SpanishAnalyzer, RussianAnalyzer), title boosted 2× over body, any query
 *       word may match, BM25;</li>
 *   <li>{@code allWords}: an approximation of PostgreSQL full-text search with
 *       {@code websearch_to_tsquery}: the same stems, every query word must occur in title or
 *       body (stop words left out), and, as PostgreSQL's parser keeps a hyphenated word whole
 *       besides its parts ({@code alsnb-functie}, {@code alsnb}, {@code functie}), a hyphenated
 *       query word must occur hyphenated; ranked by BM25 with the title boosted 2×.</li>
 * </ul>
 */
public final class Baselines implements AutoCloseable {
    private static final Pattern HYPHENATED = Pattern.compile("[\\p{L}\\p{N}]+(?:-[\\p{L}\\p{N}]+)+");

    private final String language;
    private final Analyzer analyzer;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    /** Indexes the pages of one language. */
    public Baselines(String language, List<RelevanceSet.Page> pages) {
        this.language = language;
        this.analyzer = switch (language) {
            case "en" -> new EnglishAnalyzer();
            case "nl" -> new DutchAnalyzer();
            case "es" -> new SpanishAnalyzer();
            case "ru" -> new RussianAnalyzer();
            default -> throw new IllegalArgumentException(language);
        };
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(
                new PerFieldAnalyzerWrapper(analyzer, Map.of("hword", new org.apache.lucene.analysis.core.KeywordAnalyzer()))))) {
            for (RelevanceSet.Page page : pages) {
                Document doc = new Document();
                doc.add(new StringField("key", page.key(), Field.Store.YES));
                doc.add(new TextField("title", page.title(), Field.Store.NO));
                doc.add(new TextField("body", page.body(), Field.Store.NO));
                Matcher m = HYPHENATED.matcher(page.title() + "\n" + page.body());
                while (m.find()) {
                    doc.add(new StringField("hword", m.group().toLowerCase(Locale.ROOT), Field.Store.NO));
                }
                writer.addDocument(doc);
            }
            writer.commit();
            reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        searcher = new IndexSearcher(reader);
    }

    /** Plain Lucene: title^2 OR body, any word. */
    public List<String> anyWord(String text, int n) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String term : terms(text)) {
            b.add(new BoostQuery(new TermQuery(new Term("title", term)), 2f), BooleanClause.Occur.SHOULD);
            b.add(new TermQuery(new Term("body", term)), BooleanClause.Occur.SHOULD);
        }
        return run(b.build(), n);
    }

    /** PostgreSQL-like: every word, hyphenated words whole too. */
    public List<String> allWords(String text, int n) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        List<String> terms = terms(text);
        if (terms.isEmpty()) {
            return List.of();
        }
        for (String term : terms) {
            BooleanQuery.Builder either = new BooleanQuery.Builder();
            either.add(new BoostQuery(new TermQuery(new Term("title", term)), 2f), BooleanClause.Occur.SHOULD);
            either.add(new TermQuery(new Term("body", term)), BooleanClause.Occur.SHOULD);
            b.add(either.build(), BooleanClause.Occur.MUST);
        }
        Matcher m = HYPHENATED.matcher(text);
        while (m.find()) {
            b.add(new TermQuery(new Term("hword", m.group().toLowerCase(Locale.ROOT))), BooleanClause.Occur.FILTER);
        }
        return run(b.build(), n);
    }

    private List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private List<String> run(Query query, int n) {
        try {
            List<String> keys = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(query, n).scoreDocs) {
                keys.add(searcher.storedFields().document(sd.doc).get("key"));
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The language. */
    public String language() {
        return language;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
