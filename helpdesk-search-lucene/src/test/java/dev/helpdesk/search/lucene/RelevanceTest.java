package dev.helpdesk.search.lucene;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.search.lucene.internal.Ranking;
import dev.helpdesk.search.lucene.relevance.Baselines;
import dev.helpdesk.search.lucene.relevance.RelevanceSet;
import dev.helpdesk.search.lucene.relevance.Scores;
import dev.helpdesk.spi.knowledge.Article;
import dev.helpdesk.spi.knowledge.ContentLocale;
import dev.helpdesk.spi.knowledge.KnowledgeQuery;
import dev.helpdesk.spi.knowledge.LocaleChain;
import dev.helpdesk.spi.knowledge.SearchHit;
import dev.helpdesk.spi.knowledge.SearchText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Search quality on the relevance set: ours against plain Lucene (any word, title 2×) and a
 * PostgreSQL-like all-words search, recall@5 and MRR@10 per language, for the queries used while
 * tuning, the held-out ones, and all. Ours must beat both by at least 0.05 recall@5 in every
 * language over all queries. The table is written to {@code target/relevance.md}.
 */
class RelevanceTest {
    private static LuceneKnowledgeSearch ours;
    private static final Map<String, Baselines> BASELINES = new HashMap<>();
    private static final Map<String, String> KEYS = new HashMap<>();

    @BeforeAll
    static void index() {
        ours = new LuceneKnowledgeSearch(new ByteBuffersDirectory(), Ranking.DEFAULT);
        List<Article> all = new ArrayList<>();
        for (String language : RelevanceSet.LANGUAGES) {
            List<RelevanceSet.Page> pages = RelevanceSet.pages(language);
            for (RelevanceSet.Page page : pages) {
                all.add(page.article());
                KEYS.put(page.id().toString(), page.key());
            }
            BASELINES.put(language, new Baselines(language, pages));
        }
        ours.rebuild(RelevanceSet.TENANT, all);
    }

    @AfterAll
    static void close() throws IOException {
        ours.close();
        for (Baselines b : BASELINES.values()) {
            b.close();
        }
    }

    static List<String> ours(LuceneKnowledgeSearch search, String language, String text) {
        KnowledgeQuery query = KnowledgeQuery.builder().tenant(RelevanceSet.TENANT).text(SearchText.of(text))
                .locales(LocaleChain.of(ContentLocale.of(language))).limit(10).build();
        return search.search(query).get().stream().map(SearchHit::id).map(id -> KEYS.get(id.toString())).toList();
    }

    static Scores score(List<RelevanceSet.Query> queries, Function<RelevanceSet.Query, List<String>> engine) {
        List<List<String>> answers = new ArrayList<>();
        List<List<String>> relevant = new ArrayList<>();
        for (RelevanceSet.Query q : queries) {
            answers.add(engine.apply(q));
            relevant.add(q.relevant());
        }
        return Scores.of(answers, relevant);
    }

    @Test
    void ours_beats_plain_lucene_and_all_words_search_by_at_least_five_points_of_recall_in_every_language() throws IOException {
        StringBuilder table = new StringBuilder();
        table.append("| language | queries | plain Lucene R@5 | MRR@10 | all words R@5 | MRR@10 | ours R@5 | MRR@10 |\n");
        table.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        List<String> failures = new ArrayList<>();
        for (String language : RelevanceSet.LANGUAGES) {
            Baselines baselines = BASELINES.get(language);
            List<RelevanceSet.Query> all = RelevanceSet.queries(language);
            for (String part : List.of("tune", "held", "all")) {
                List<RelevanceSet.Query> queries = all.stream()
                        .filter(q -> part.equals("all") || q.held() == part.equals("held")).toList();
                Scores any = score(queries, q -> baselines.anyWord(q.text(), 10));
                Scores allWords = score(queries, q -> baselines.allWords(q.text(), 10));
                Scores mine = score(queries, q -> ours(ours, language, q.text()));
                table.append(String.format(Locale.ROOT, "| %s | %s (%d) | %.2f | %.2f | %.2f | %.2f | **%.2f** | **%.2f** |%n",
                        language, part, queries.size(), any.recallAt5(), any.mrrAt10(), allWords.recallAt5(),
                        allWords.mrrAt10(), mine.recallAt5(), mine.mrrAt10()));
                if (part.equals("all") && mine.recallAt5() < Math.max(any.recallAt5(), allWords.recallAt5()) + 0.05) {
                    failures.add(language + ": ours " + mine.recallAt5() + " against " + any.recallAt5() + " and " + allWords.recallAt5());
                }
            }
        }
        System.out.println(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "relevance.md"), table, StandardCharsets.UTF_8);
        assertTrue(failures.isEmpty(), "recall@5 not 0.05 above both baselines: " + failures + "\n" + table);
    }

    @Test
    void no_part_of_the_ranking_loses_answers_when_measured_by_leaving_it_out() throws IOException {
        Ranking d = Ranking.DEFAULT;
        Map<String, Ranking> variants = new java.util.LinkedHashMap<>();
        variants.put("ours (all parts)", d);
        variants.put("without the all-words coverage", new Ranking(d.title(), d.heading(), d.exact(), 0, d.phrase(), d.split(), d.suffix(), d.fuzzy(), d.length()));
        variants.put("exact words weighed 1.2x the stem", new Ranking(d.title(), d.heading(), 1.2f, d.coverage(), d.phrase(), d.split(), d.suffix(), d.fuzzy(), d.length()));
        variants.put("without phrase proximity", new Ranking(d.title(), d.heading(), d.exact(), d.coverage(), 0, d.split(), d.suffix(), d.fuzzy(), d.length()));
        variants.put("without compound splits", new Ranking(d.title(), d.heading(), d.exact(), d.coverage(), d.phrase(), 0, d.suffix(), d.fuzzy(), d.length()));
        variants.put("without compound ends", new Ranking(d.title(), d.heading(), d.exact(), d.coverage(), d.phrase(), d.split(), 0, d.fuzzy(), d.length()));
        variants.put("without typo tolerance", new Ranking(d.title(), d.heading(), d.exact(), d.coverage(), d.phrase(), d.split(), d.suffix(), 0, d.length()));
        variants.put("title 2x instead of 2.5x", new Ranking(2f, d.heading(), d.exact(), d.coverage(), d.phrase(), d.split(), d.suffix(), d.fuzzy(), d.length()));
        variants.put("Lucene's length normalization (0.75)", new Ranking(d.title(), d.heading(), d.exact(), d.coverage(), d.phrase(), d.split(), d.suffix(), d.fuzzy(), 0.75f));
        variants.put("without the heading fields", new Ranking(d.title(), 0, d.exact(), d.coverage(), d.phrase(), d.split(), d.suffix(), d.fuzzy(), d.length()));
        Map<String, Double> meanRecall = new java.util.LinkedHashMap<>();
        StringBuilder table = new StringBuilder("| ranking | en R@5 | nl R@5 | es R@5 | ru R@5 | mean MRR@10 |\n|---|---:|---:|---:|---:|---:|\n");
        List<Article> all = new ArrayList<>();
        RelevanceSet.LANGUAGES.forEach(l -> RelevanceSet.pages(l).forEach(p -> all.add(p.article())));
        for (Map.Entry<String, Ranking> v : variants.entrySet()) {
            try (LuceneKnowledgeSearch search = new LuceneKnowledgeSearch(new ByteBuffersDirectory(), v.getValue())) {
                search.rebuild(RelevanceSet.TENANT, all);
                table.append("| ").append(v.getKey());
                double mrr = 0;
                double recall = 0;
                for (String language : RelevanceSet.LANGUAGES) {
                    Scores s = score(RelevanceSet.queries(language), q -> ours(search, language, q.text()));
                    table.append(String.format(Locale.ROOT, " | %.2f", s.recallAt5()));
                    mrr += s.mrrAt10() / RelevanceSet.LANGUAGES.size();
                    recall += s.recallAt5() / RelevanceSet.LANGUAGES.size();
                }
                meanRecall.put(v.getKey(), recall);
                table.append(String.format(Locale.ROOT, " | %.2f |%n", mrr));
            }
        }
        System.out.println(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "ablation.md"), table, StandardCharsets.UTF_8);
        double full = meanRecall.get("ours (all parts)");
        meanRecall.forEach((name, recall) -> assertTrue(recall <= full + 1e-9,
                "leaving a part out must not find more: " + name + "\n" + table));
    }

    /** Lists the misses of each engine, for looking at while working on the ranking. */
    public static void main(String[] args) {
        index();
        for (String language : RelevanceSet.LANGUAGES) {
            for (RelevanceSet.Query q : RelevanceSet.queries(language)) {
                List<String> mine = ours(ours, language, q.text());
                List<String> any = BASELINES.get(language).anyWord(q.text(), 5);
                List<String> allWords = BASELINES.get(language).allWords(q.text(), 5);
                boolean hit = mine.stream().limit(5).anyMatch(q.relevant()::contains);
                System.out.printf("%s %s %-45s ours=%s any=%s all=%s  %s%n", hit ? "  " : "XX", language, q.text(),
                        mine.stream().limit(3).toList(), any.stream().limit(3).toList(), allWords.stream().limit(3).toList(), q.relevant());
            }
        }
    }
}
