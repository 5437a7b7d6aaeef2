package dev.helpdesk.bench.knowledge;

import dev.helpdesk.search.lucene.LuceneKnowledgeSearch;
import dev.helpdesk.spi.knowledge.KnowledgeQuery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The knowledge search against the same Lucene queries issued directly on the same index, in
 * alternating rounds on one JVM, so that the load of a shared machine falls on both alike (the
 * JMH benchmark runs each in its own fork, minutes apart). Each round runs the relevance set's
 * 200 queries through {@link LuceneKnowledgeSearch#search} and then the same, planned
 * beforehand, through {@link IndexSearcher#search(Query, int)}; it prints each round's
 * throughput ratio, their median, and the p50 and p95 latency of each path over all rounds.
 *
 * <p>{@code java -cp helpdesk-bench/target/benchmarks.jar dev.helpdesk.bench.knowledge.KnowledgeSearchComparison 100000 12}
 */
public final class KnowledgeSearchComparison {
    private KnowledgeSearchComparison() {
    }

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        Path relevance = Path.of(args.length > 2 ? args[2] : "helpdesk-search-lucene/src/test/resources/relevance");
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (LuceneKnowledgeSearch search = LuceneKnowledgeSearch.open(directory)) {
            long start = System.nanoTime();
            long indexed = search.rebuild(GeneratedCorpus.TENANT, GeneratedCorpus.articles(relevance, articles, 42));
            System.out.printf(Locale.ROOT, "indexed %d articles in %.1f s%n", indexed, (System.nanoTime() - start) / 1e9);
            List<KnowledgeQuery> queries = GeneratedCorpus.queries(relevance);
            List<Query> planned = new ArrayList<>();
            for (KnowledgeQuery q : queries) {
                planned.add(search.luceneQuery(q).orElseThrow());
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(search.similarity());
                // one round of each to warm up, not counted
                runOurs(search, queries, new long[queries.size()]);
                runDirect(searcher, planned, new long[queries.size()]);
                List<Long> oursAll = new ArrayList<>();
                List<Long> directAll = new ArrayList<>();
                double[] ratios = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    long[] ours = new long[queries.size()];
                    long[] direct = new long[queries.size()];
                    long oursTotal = runOurs(search, queries, ours);
                    long directTotal = runDirect(searcher, planned, direct);
                    ratios[r] = (double) directTotal / oursTotal;
                    Arrays.stream(ours).forEach(oursAll::add);
                    Arrays.stream(direct).forEach(directAll::add);
                    System.out.printf(Locale.ROOT, "round %2d: ours %.2f ms/query, direct %.2f ms/query, ours ÷ direct throughput %.2f%n",
                            r + 1, oursTotal / 1e6 / queries.size(), directTotal / 1e6 / queries.size(), ratios[r]);
                }
                Arrays.sort(ratios);
                System.out.printf(Locale.ROOT, "median throughput ratio (ours ÷ direct) %.2f, quartiles %.2f-%.2f%n",
                        ratios[rounds / 2], ratios[rounds / 4], ratios[(3 * rounds) / 4]);
                System.out.printf(Locale.ROOT, "latency ours:   p50 %.2f ms, p95 %.2f ms%n", pct(oursAll, 50), pct(oursAll, 95));
                System.out.printf(Locale.ROOT, "latency direct: p50 %.2f ms, p95 %.2f ms%n", pct(directAll, 50), pct(directAll, 95));
                System.out.printf(Locale.ROOT, "p95 ratio (direct ÷ ours) %.2f%n", pct(directAll, 95) / pct(oursAll, 95));
            }
        }
    }

    private static long runOurs(LuceneKnowledgeSearch search, List<KnowledgeQuery> queries, long[] times) {
        long total = 0;
        for (int i = 0; i < queries.size(); i++) {
            long t = System.nanoTime();
            if (search.search(queries.get(i)).isLeft()) {
                throw new IllegalStateException("rejected: " + queries.get(i).text());
            }
            times[i] = System.nanoTime() - t;
            total += times[i];
        }
        return total;
    }

    private static long runDirect(IndexSearcher searcher, List<Query> planned, long[] times) throws java.io.IOException {
        long total = 0;
        for (int i = 0; i < planned.size(); i++) {
            long t = System.nanoTime();
            searcher.search(planned.get(i), 20);
            times[i] = System.nanoTime() - t;
            total += times[i];
        }
        return total;
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static double pct(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }
}
