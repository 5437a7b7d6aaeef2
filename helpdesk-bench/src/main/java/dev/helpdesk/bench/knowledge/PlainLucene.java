package dev.helpdesk.bench.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
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
 * The two plain engines the knowledge search is measured against, on one language's pages:
 *
 * <ul>
 *   <li>{@link #anyWord}: Lucene with the language's analyzer ({@code EnglishAnalyzer},
 *       {@code DutchAnalyzer}, {@code SpanishAnalyzer}, {@code RussianAnalyzer}), the title
 *       boosted 2× over the body, any query word may match, BM25;</li>
 *   <li>{@link #allWords}: an approximation of PostgreSQL's {@code websearch_to_tsquery}: the
 *       same stems, every query word (stop words left out) must occur in title or body, ranked
 *       by BM25 with the title 2×. {@link PostgresFullText} runs the real thing.</li>
 * </ul>
 */
final class PlainLucene implements AutoCloseable {
    private final Analyzer analyzer;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    PlainLucene(String language, List<HelpCorpus.Page> pages) {
        this.analyzer = analyzer(language);
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (HelpCorpus.Page page : pages) {
                Document doc = new Document();
                doc.add(new StringField("key", page.key(), Field.Store.YES));
                doc.add(new TextField("title", page.title(), Field.Store.NO));
                doc.add(new TextField("body", page.body(), Field.Store.NO));
                writer.addDocument(doc);
            }
            writer.commit();
            reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        searcher = new IndexSearcher(reader);
    }

    static Analyzer analyzer(String language) {
        return switch (language) {
            case "en" -> new EnglishAnalyzer();
            case "nl" -> new DutchAnalyzer();
            case "es" -> new SpanishAnalyzer();
            case "ru" -> new RussianAnalyzer();
            default -> new StandardAnalyzer();
        };
    }

    /** Title^2 OR body, any word. */
    List<String> anyWord(String text, int n) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String term : terms(text)) {
            b.add(new BoostQuery(new TermQuery(new Term("title", term)), 2f), BooleanClause.Occur.SHOULD);
            b.add(new TermQuery(new Term("body", term)), BooleanClause.Occur.SHOULD);
        }
        return run(b.build(), n);
    }

    /** Every word in title^2 or body. */
    List<String> allWords(String text, int n) {
        List<String> terms = terms(text);
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String term : terms) {
            BooleanQuery.Builder either = new BooleanQuery.Builder();
            either.add(new BoostQuery(new TermQuery(new Term("title", term)), 2f), BooleanClause.Occur.SHOULD);
            either.add(new TermQuery(new Term("body", term)), BooleanClause.Occur.SHOULD);
            b.add(either.build(), BooleanClause.Occur.MUST);
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

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
