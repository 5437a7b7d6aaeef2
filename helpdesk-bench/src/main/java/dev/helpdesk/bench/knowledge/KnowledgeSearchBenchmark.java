package dev.helpdesk.bench.knowledge;

import dev.helpdesk.search.lucene.LuceneKnowledgeSearch;
import dev.helpdesk.spi.knowledge.KnowledgeQuery;
import dev.helpdesk.spi.knowledge.SearchHit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Search latency on 100,000 generated articles in four languages ({@link GeneratedCorpus}),
 * with the relevance set's 200 index-term queries in turn:
 *
 * <ul>
 *   <li>{@code knowledgeSearch}: {@link LuceneKnowledgeSearch#search} — planning the query
 *       (word splitting, analysis, the vocabulary look-ups for joins and splits), the search,
 *       one answer per article, stored fields and highlighted snippets of the ten hits;</li>
 *   <li>{@code directLucene}: the same Lucene query (planned once in the set-up) issued with
 *       {@link IndexSearcher#search(Query, int)} for the same number of documents on a reader
 *       of the same index: the engine alone.</li>
 * </ul>
 *
 * <p>Sample-time mode gives the latency distribution (p95) and the mean, whose inverse is the
 * single-thread throughput. Run from the repository root:
 * {@code java -jar helpdesk-bench/target/benchmarks.jar KnowledgeSearchBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 6, time = 5)
public class KnowledgeSearchBenchmark {
    @Param("helpdesk-search-lucene/src/test/resources/relevance")
    public String relevance;

    @Param("100000")
    public int articles;

    private LuceneKnowledgeSearch search;
    private DirectoryReader reader;
    private IndexSearcher searcher;
    private List<KnowledgeQuery> queries;
    private List<Query> luceneQueries;
    private int next;

    @Setup(Level.Trial)
    public void index() throws IOException {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        search = LuceneKnowledgeSearch.open(directory);
        long start = System.nanoTime();
        search.rebuild(GeneratedCorpus.TENANT, GeneratedCorpus.articles(Path.of(relevance), articles, 42));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%nindexed %,d articles in %.1f s (%,.0f articles/s, generation included)%n",
                articles, seconds, articles / seconds);
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
        searcher.setSimilarity(search.similarity());
        queries = GeneratedCorpus.queries(Path.of(relevance));
        luceneQueries = new ArrayList<>();
        for (KnowledgeQuery q : queries) {
            luceneQueries.add(search.luceneQuery(q).orElseThrow());
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        reader.close();
        search.close();
    }

    @Benchmark
    public List<SearchHit> knowledgeSearch() {
        int i = next++ % queries.size();
        return search.search(queries.get(i)).get();
    }

    @Benchmark
    public TopDocs directLucene() throws IOException {
        int i = next++ % luceneQueries.size();
        // the search answers ten articles of one language: the engine is asked for as many documents
        return searcher.search(luceneQueries.get(i), 20);
    }
}
