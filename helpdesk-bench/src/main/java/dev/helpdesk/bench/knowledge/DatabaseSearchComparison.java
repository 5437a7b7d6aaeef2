package dev.helpdesk.bench.knowledge;

import dev.helpdesk.search.lucene.LuceneKnowledgeSearch;
import dev.helpdesk.spi.knowledge.Article;
import dev.helpdesk.spi.knowledge.KnowledgeQuery;
import dev.helpdesk.spi.knowledge.KnowledgeSearch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code helpdesk-jdbc}'s {@code PostgresKnowledgeSearch} (embedded PostgreSQL) side by side
 * with {@link LuceneKnowledgeSearch} (in memory) on the same generated articles and the same
 * queries as {@link KnowledgeSearchComparison}: the indexing time of each, then rounds in which
 * each answers the relevance set's 200 queries in turn through {@link KnowledgeSearch#search};
 * prints p50 and p95 latency of each over all rounds.
 *
 * <p>{@code java -Xmx3g -cp helpdesk-bench/target/benchmarks.jar dev.helpdesk.bench.knowledge.DatabaseSearchComparison 100000 6}
 */
public final class DatabaseSearchComparison {
    private DatabaseSearchComparison() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        Path relevance = Path.of(args.length > 2 ? args[2] : "helpdesk-search-lucene/src/test/resources/relevance");
        List<Article> articles = new ArrayList<>();
        GeneratedCorpus.articles(relevance, count, 42).forEach(articles::add);
        List<KnowledgeQuery> queries = GeneratedCorpus.queries(relevance);
        try (DatabaseSearch db = new DatabaseSearch(); LuceneKnowledgeSearch lucene = LuceneKnowledgeSearch.inMemory()) {
            long start = System.nanoTime();
            long inDb = db.search().rebuild(GeneratedCorpus.TENANT, articles);
            double dbSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            long inLucene = lucene.rebuild(GeneratedCorpus.TENANT, articles);
            double luceneSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "indexed: PostgreSQL %d in %.1f s (%.0f/s), Lucene %d in %.1f s (%.0f/s)%n", inDb,
                    dbSeconds, inDb / dbSeconds, inLucene, luceneSeconds, inLucene / luceneSeconds);
            run(db.search(), queries, new ArrayList<>());
            run(lucene, queries, new ArrayList<>());
            List<Long> pg = new ArrayList<>();
            List<Long> lu = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                long a = run(db.search(), queries, pg);
                long b = run(lucene, queries, lu);
                System.out.printf(Locale.ROOT, "round %d: PostgreSQL %.2f ms/query, Lucene %.2f ms/query%n", r + 1,
                        a / 1e6 / queries.size(), b / 1e6 / queries.size());
            }
            System.out.printf(Locale.ROOT, "PostgresKnowledgeSearch: p50 %.2f ms, p95 %.2f ms%n", pct(pg, 50), pct(pg, 95));
            System.out.printf(Locale.ROOT, "LuceneKnowledgeSearch:   p50 %.2f ms, p95 %.2f ms%n", pct(lu, 50), pct(lu, 95));
        }
    }

    private static long run(KnowledgeSearch search, List<KnowledgeQuery> queries, List<Long> times) {
        long total = 0;
        for (KnowledgeQuery q : queries) {
            long t = System.nanoTime();
            if (search.search(q).isLeft()) {
                throw new IllegalStateException("rejected: " + q.text());
            }
            long took = System.nanoTime() - t;
            times.add(took);
            total += took;
        }
        return total;
    }

    private static double pct(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }
}
