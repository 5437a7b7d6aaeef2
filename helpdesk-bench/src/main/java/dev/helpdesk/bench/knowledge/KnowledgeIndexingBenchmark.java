package dev.helpdesk.bench.knowledge;

import dev.helpdesk.search.lucene.LuceneKnowledgeSearch;
import dev.helpdesk.spi.knowledge.Article;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Indexing rate of the Lucene knowledge search, in articles per second, on an in-memory index:
 *
 * <ul>
 *   <li>{@code rebuild}: 20,000 generated articles in one {@code rebuild} (one commit);</li>
 *   <li>{@code indexOneByOne}: 2,000 articles through {@code index}, each visible to searches
 *       when the call returns, as the desk keeps the index in step with its changes.</li>
 * </ul>
 *
 * <p>{@code java -jar helpdesk-bench/target/benchmarks.jar KnowledgeIndexingBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class KnowledgeIndexingBenchmark {
    static final int BULK = 20_000;
    static final int ONE_BY_ONE = 2_000;

    @Param("helpdesk-search-lucene/src/test/resources/relevance")
    public String relevance;

    private List<Article> articles;
    private LuceneKnowledgeSearch search;

    @Setup(Level.Trial)
    public void generate() {
        articles = GeneratedCorpus.articles(Path.of(relevance), BULK, 7);
    }

    @Setup(Level.Invocation)
    public void open() {
        search = LuceneKnowledgeSearch.inMemory();
    }

    @TearDown(Level.Invocation)
    public void close() {
        search.close();
    }

    @Benchmark
    @OperationsPerInvocation(BULK)
    public long rebuild() {
        return search.rebuild(GeneratedCorpus.TENANT, articles);
    }

    @Benchmark
    @OperationsPerInvocation(ONE_BY_ONE)
    public void indexOneByOne() {
        for (Article a : articles.subList(0, ONE_BY_ONE)) {
            search.index(a);
        }
    }
}
