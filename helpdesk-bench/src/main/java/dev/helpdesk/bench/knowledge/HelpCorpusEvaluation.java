package dev.helpdesk.bench.knowledge;

import dev.helpdesk.search.lucene.LuceneKnowledgeSearch;
import dev.helpdesk.spi.knowledge.Article;
import dev.helpdesk.spi.knowledge.ArticleContent;
import dev.helpdesk.spi.knowledge.ArticleId;
import dev.helpdesk.spi.knowledge.ArticleKind;
import dev.helpdesk.spi.knowledge.ArticleVariant;
import dev.helpdesk.spi.knowledge.ArticleVersion;
import dev.helpdesk.spi.knowledge.ArticleVisibility;
import dev.helpdesk.spi.knowledge.ContentLocale;
import dev.helpdesk.spi.knowledge.KnowledgeQuery;
import dev.helpdesk.spi.knowledge.LocaleChain;
import dev.helpdesk.spi.knowledge.SearchHit;
import dev.helpdesk.spi.knowledge.SearchText;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Search quality on a real help corpus that stays outside the repository: an office suite's HTML
 * help in several languages, with its index terms as queries (see {@link HelpCorpus}). Runs, per
 * language, plain Lucene (any word, title 2×), an all-words approximation of PostgreSQL's
 * {@code websearch_to_tsquery}, optionally real PostgreSQL full-text search on an embedded server,
 * and {@link LuceneKnowledgeSearch}; prints recall@5 and MRR@10 for the tuning half of the
 * queries, the held-out half and all.
 *
 * <p>The corpus comes from a distribution's help packages, unpacked anywhere, e.g.
 * {@code apt-get download libreoffice-help-en-us libreoffice-help-nl libreoffice-help-es
 * libreoffice-help-ru} and {@code dpkg -x} each into one folder; then
 *
 * <pre>{@code
 * ./mvnw -B -q -pl helpdesk-bench -am package -DskipTests
 * java -cp helpdesk-bench/target/benchmarks.jar dev.helpdesk.bench.knowledge.HelpCorpusEvaluation \
 *     /path/usr/share/libreoffice/help --languages en-US,nl,es,ru --postgres
 * }</pre>
 *
 * <p>Options: {@code --languages} the language folders (default: en-US, nl, es, ru);
 * {@code --postgres} also runs real PostgreSQL; {@code --jdbc-postgres} also runs
 * {@code helpdesk-jdbc}'s {@code PostgresKnowledgeSearch} on an embedded server; {@code --all-pages} keeps the pages that no index
 * term points to (by default they are left out); {@code --only ours} or {@code --only plain}
 * runs only the knowledge search or only the plain engines; {@code --half tune} or
 * {@code --half held} runs one half of the queries only (to work on the ranking without looking
 * at the held-out half);
 * {@code --misses FILE} writes every query the knowledge search misses in its first five, with
 * what each engine answered; {@code --threads N} searches on N threads (default 2).
 */
public final class HelpCorpusEvaluation {
    static final TenantId TENANT = TenantId.of("help");

    private HelpCorpusEvaluation() {
    }

    /** Recall@5 (the share of a query's relevant pages among its first five answers) and MRR@10, averaged. */
    record Scores(double recallAt5, double mrrAt10, int queries) {
        static Scores of(List<HelpCorpus.Query> queries, Map<String, List<String>> answers) {
            double recall = 0;
            double mrr = 0;
            for (HelpCorpus.Query q : queries) {
                List<String> answer = answers.getOrDefault(q.text(), List.of());
                recall += (double) answer.stream().limit(5).filter(q.relevant()::contains).count() / q.relevant().size();
                for (int r = 0; r < Math.min(10, answer.size()); r++) {
                    if (q.relevant().contains(answer.get(r))) {
                        mrr += 1.0 / (r + 1);
                        break;
                    }
                }
            }
            int n = queries.size();
            return new Scores(n == 0 ? 0 : recall / n, n == 0 ? 0 : mrr / n, n);
        }
    }

    /**
     * Runs the evaluation.
     *
     * @param args the help folder (holding one folder per language), then options
     * @throws Exception when the corpus cannot be read or an engine fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: HelpCorpusEvaluation <help folder> [--languages en-US,nl,es,ru] [--postgres] [--jdbc-postgres]"
                    + " [--all-pages] [--half tune|held] [--only ours|plain] [--misses FILE] [--threads N]");
            System.exit(2);
        }
        Path help = Path.of(args[0]);
        List<String> folders = List.of("en-US", "nl", "es", "ru");
        boolean postgres = false;
        boolean jdbcPostgres = false;
        boolean plain = true;
        boolean ourEngine = true;
        boolean allPages = false;
        String half = "all";
        Path misses = null;
        int threads = 2;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--languages" -> folders = Arrays.asList(args[++i].split(","));
                case "--postgres" -> postgres = true;
                case "--jdbc-postgres" -> jdbcPostgres = true;
                case "--only" -> {
                    String only = args[++i];
                    plain = only.equals("plain");
                    ourEngine = only.equals("ours");
                }
                case "--all-pages" -> allPages = true;
                case "--half" -> half = args[++i];
                case "--misses" -> misses = Path.of(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }

        List<HelpCorpus> corpora = new ArrayList<>();
        for (String folder : folders) {
            long start = System.nanoTime();
            HelpCorpus corpus = HelpCorpus.read(help.resolve(folder), !allPages).half(half);
            corpora.add(corpus);
            System.out.printf(Locale.ROOT, "%s: %d pages, %d queries (%d held out), read in %.1f s%n", corpus.language,
                    corpus.pages.size(), corpus.queries.size(), corpus.queries.stream().filter(HelpCorpus.Query::held).count(),
                    (System.nanoTime() - start) / 1e9);
        }

        Map<String, String> keyOfId = new HashMap<>();
        List<Article> articles = new ArrayList<>();
        for (HelpCorpus corpus : corpora) {
            for (HelpCorpus.Page page : corpus.pages) {
                Article article = article(corpus.language, page);
                keyOfId.put(article.id().toString(), page.key());
                articles.add(article);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        PostgresFullText pg = postgres ? new PostgresFullText() : null;
        DatabaseSearch db = jdbcPostgres ? new DatabaseSearch() : null;
        StringBuilder table = new StringBuilder();
        table.append("| language | queries | plain Lucene R@5 | MRR@10 | all words R@5 | MRR@10 |")
                .append(postgres ? " PostgreSQL R@5 | MRR@10 |" : "")
                .append(jdbcPostgres ? " PostgresKnowledgeSearch R@5 | MRR@10 |" : "").append(" ours R@5 | MRR@10 |\n")
                .append("|---|---|---:|---:|---:|---:|").append(postgres ? "---:|---:|" : "")
                .append(jdbcPostgres ? "---:|---:|" : "").append("---:|---:|\n");
        try (LuceneKnowledgeSearch ours = LuceneKnowledgeSearch.inMemory();
                PrintWriter missed = misses == null ? null : new PrintWriter(Files.newBufferedWriter(misses, StandardCharsets.UTF_8))) {
            long start = System.nanoTime();
            if (ourEngine) {
                ours.rebuild(TENANT, articles);
            }
            System.out.printf(Locale.ROOT, "indexed %d articles in %.1f s%n", articles.size(), (System.nanoTime() - start) / 1e9);
            if (db != null) {
                start = System.nanoTime();
                db.search().rebuild(TENANT, articles);
                System.out.printf(Locale.ROOT, "PostgresKnowledgeSearch indexed %d articles in %.1f s%n", articles.size(),
                        (System.nanoTime() - start) / 1e9);
            }
            for (HelpCorpus corpus : corpora) {
                String language = corpus.language;
                Map<String, Map<String, List<String>>> answers = new LinkedHashMap<>();
                if (plain) {
                    try (PlainLucene lucene = new PlainLucene(language, corpus.pages)) {
                        answers.put("any", run(pool, corpus, q -> lucene.anyWord(q, 10)));
                        answers.put("all", run(pool, corpus, q -> lucene.allWords(q, 10)));
                    }
                }
                if (pg != null) {
                    pg.add(language, corpus.pages);
                    answers.put("pg", run(pool, corpus, q -> pg.search(language, q, 10)));
                }
                if (db != null) {
                    start = System.nanoTime();
                    answers.put("db", run(pool, corpus, q -> ours(db.search(), language, q, keyOfId)));
                    System.out.printf(Locale.ROOT, "%s: PostgresKnowledgeSearch answered %d queries in %.1f s%n", language,
                            corpus.queries.size(), (System.nanoTime() - start) / 1e9);
                }
                if (ourEngine) {
                    start = System.nanoTime();
                    answers.put("ours", run(pool, corpus, q -> ours(ours, language, q, keyOfId)));
                    System.out.printf(Locale.ROOT, "%s: ours answered %d queries in %.1f s%n", language, corpus.queries.size(),
                            (System.nanoTime() - start) / 1e9);
                }
                for (String part : List.of("tune", "held", "all")) {
                    List<HelpCorpus.Query> queries = corpus.queries.stream()
                            .filter(q -> part.equals("all") || q.held() == part.equals("held")).toList();
                    if (queries.isEmpty()) {
                        continue;
                    }
                    table.append(String.format(Locale.ROOT, "| %s | %s (%d) |", language, part, queries.size()));
                    for (String engine : List.of("any", "all", "pg", "db", "ours")) {
                        if (engine.equals("pg") && pg == null || engine.equals("db") && db == null) {
                            continue;
                        }
                        Map<String, List<String>> a = answers.get(engine);
                        if (a == null) {
                            table.append(" – | – |");
                        } else {
                            Scores s = Scores.of(queries, a);
                            table.append(String.format(Locale.ROOT, " %.3f | %.3f |", s.recallAt5(), s.mrrAt10()));
                        }
                    }
                    table.append('\n');
                }
                if (missed != null && ourEngine) {
                    for (HelpCorpus.Query q : corpus.queries) {
                        List<String> mine = answers.get("ours").getOrDefault(q.text(), List.of());
                        long found = mine.stream().limit(5).filter(q.relevant()::contains).count();
                        if (found < Math.min(5, q.relevant().size())) {
                            missed.printf("%s\t%s\t%s\tfound=%d/%d\tours=%s\tany=%s\trelevant=%s%n", language,
                                    q.held() ? "held" : "tune", q.text(), found, q.relevant().size(), mine.stream().limit(5).toList(),
                                    answers.containsKey("any") ? answers.get("any").get(q.text()).stream().limit(5).toList() : "-",
                                    q.relevant());
                        }
                    }
                }
                System.out.println(table);
            }
        } finally {
            pool.shutdown();
            if (pg != null) {
                pg.close();
            }
            if (db != null) {
                db.close();
            }
        }
    }

    private static Map<String, List<String>> run(ExecutorService pool, HelpCorpus corpus, Function<String, List<String>> engine)
            throws Exception {
        Map<String, Future<List<String>>> futures = new LinkedHashMap<>();
        for (HelpCorpus.Query q : corpus.queries) {
            futures.put(q.text(), pool.submit(() -> engine.apply(q.text())));
        }
        Map<String, List<String>> answers = new HashMap<>();
        for (Map.Entry<String, Future<List<String>>> f : futures.entrySet()) {
            answers.put(f.getKey(), f.getValue().get());
        }
        return answers;
    }

    private static List<String> ours(dev.helpdesk.spi.knowledge.KnowledgeSearch search, String language, String text, Map<String, String> keyOfId) {
        return SearchText.parse(text).fold(rejected -> List.<String>of(), words -> search.search(KnowledgeQuery.builder()
                        .tenant(TENANT).text(words).locales(LocaleChain.of(ContentLocale.of(language))).limit(10).build())
                .fold(rejected -> List.<String>of(), hits -> hits.stream().map(SearchHit::id)
                        .map(id -> keyOfId.get(id.toString())).toList()));
    }

    static Article article(String language, HelpCorpus.Page page) {
        String title = page.title().isBlank() ? page.key() : page.title();
        if (title.length() > ArticleVariant.MAX_TITLE_LENGTH) {
            title = title.substring(0, ArticleVariant.MAX_TITLE_LENGTH);
        }
        String body = page.markdown();
        while (body.getBytes(StandardCharsets.UTF_8).length > ArticleVariant.MAX_BODY_BYTES) {
            body = body.substring(0, body.length() * 9 / 10);
        }
        ArticleVariant variant = ArticleVariant.builder().locale(ContentLocale.of(language)).title(title).body(body).build();
        ArticleContent content = ArticleContent.builder().kind(ArticleKind.ARTICLE).category(Category.KNOWLEDGE_BASE)
                .visibility(ArticleVisibility.PUBLIC).addVariant(variant).build();
        ArticleId id = ArticleId.of(UUID.nameUUIDFromBytes((language + "/" + page.key()).getBytes(StandardCharsets.UTF_8)));
        return Article.builder().tenant(TENANT).id(id)
                .addVersion(ArticleVersion.builder().number(1).author(Actor.agent("writer"))
                        .at(Instant.parse("2026-01-01T00:00:00Z")).content(content).build())
                .publishedVersion(1).revision(2).build();
    }
}
