package dev.helpdesk.bench.knowledge;

import dev.helpdesk.spi.knowledge.Article;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tries orders for {@code PostgresKnowledgeSearch} on the help corpus (see
 * {@link HelpCorpusEvaluation}): the articles are indexed by the search itself, in its table,
 * and each order is the search's own statement without the headline, so that one run compares
 * many orders on the same rows. Prints recall@5 and MRR@10 per language and order.
 *
 * <p>{@code java -cp benchmarks.jar dev.helpdesk.bench.knowledge.PostgresRankingTrials <help folder> [tune|held|all]
 * ["name part;name part"]} (the last argument keeps the orders whose names contain one of the parts)
 */
public final class PostgresRankingTrials {
    private static final String W = "'{0.1, 0.2, 0.5, 1.0}'";
    /** Each order: its name and the ORDER BY over {@code s} (the row) and {@code q} (allq, anyq). */
    private static final Map<String, String> ORDERS = new LinkedHashMap<>();

    static {
        ORDERS.put("every, ts_rank_cd(any) [as it was]", "(s.document @@ q.allq) DESC, ts_rank_cd(s.document, q.anyq) DESC");
        ORDERS.put("every, ts_rank(A 2x B, any)", "(s.document @@ q.allq) DESC, ts_rank(" + W + ", s.document, q.anyq) DESC");
        ORDERS.put("every, ts_rank(A 2x B, all|any)", "(s.document @@ q.allq) DESC, CASE WHEN s.document @@ q.allq THEN ts_rank("
                + W + ", s.document, q.allq) ELSE ts_rank(" + W + ", s.document, q.anyq) END DESC");
        ORDERS.put("every, ts_rank(A 4x B, any)", "(s.document @@ q.allq) DESC, ts_rank('{0.1, 0.2, 0.25, 1.0}', s.document, q.anyq) DESC");
        ORDERS.put("every, ts_rank(A 2x B, any, 1)", "(s.document @@ q.allq) DESC, ts_rank(" + W + ", s.document, q.anyq, 1) DESC");
        ORDERS.put("every, ts_rank(A 2x B, any, 2)", "(s.document @@ q.allq) DESC, ts_rank(" + W + ", s.document, q.anyq, 2) DESC");
        ORDERS.put("every, ts_rank_cd(A 2x B, any)", "(s.document @@ q.allq) DESC, ts_rank_cd(" + W + ", s.document, q.anyq) DESC");
        ORDERS.put("every, ts_rank_cd(A 2x B, any, 1)", "(s.document @@ q.allq) DESC, ts_rank_cd(" + W + ", s.document, q.anyq, 1) DESC");
        ORDERS.put("every, ts_rank_cd(A 2x B, any, 4)", "(s.document @@ q.allq) DESC, ts_rank_cd(" + W + ", s.document, q.anyq, 4) DESC");
        ORDERS.put("every, title has all, ts_rank(A 2x B, any)", "(s.document @@ q.allq) DESC,"
                + " (setweight(to_tsvector(CAST(s.config AS regconfig), s.title), 'A') @@ q.allq) DESC, ts_rank("
                + W + ", s.document, q.anyq) DESC");
        ORDERS.put("every, ts_rank(A 1.5x B, any)", "(s.document @@ q.allq) DESC, ts_rank('{0.1, 0.2, 0.67, 1.0}', s.document, q.anyq) DESC");
        ORDERS.put("every, ts_rank(A 2.5x B, any) (PostgreSQL's default weights)", "(s.document @@ q.allq) DESC,"
                + " ts_rank(s.document, q.anyq) DESC");
        ORDERS.put("every, ts_rank(A 2x B, any, 8)", "(s.document @@ q.allq) DESC, ts_rank(" + W + ", s.document, q.anyq, 8) DESC");
        ORDERS.put("every, ts_rank(A 2x B, any, 16)", "(s.document @@ q.allq) DESC, ts_rank(" + W + ", s.document, q.anyq, 16) DESC");
        ORDERS.put("ts_rank(A 2x B, any) only", "ts_rank(" + W + ", s.document, q.anyq) DESC");
        ORDERS.put("every + ts_rank(A 2x B, any, 1) (no tiers)", "((s.document @@ q.allq)::int * 0.1 + ts_rank(" + W
                + ", s.document, q.anyq, 1)) DESC");
    }

    private PostgresRankingTrials() {
    }

    /**
     * Runs the trials.
     *
     * @param args the help folder, then the half of the queries (default {@code tune})
     * @throws Exception when the corpus cannot be read or the database fails
     */
    public static void main(String[] args) throws Exception {
        Path help = Path.of(args[0]);
        String half = args.length > 1 ? args[1] : "tune";
        List<HelpCorpus> corpora = new ArrayList<>();
        Map<String, String> keyOfId = new HashMap<>();
        List<Article> articles = new ArrayList<>();
        for (String folder : List.of("en-US", "nl", "es", "ru")) {
            HelpCorpus corpus = HelpCorpus.read(help.resolve(folder), true).half(half);
            corpora.add(corpus);
            for (HelpCorpus.Page page : corpus.pages) {
                Article article = HelpCorpusEvaluation.article(corpus.language, page);
                keyOfId.put(article.id().toString(), page.key());
                articles.add(article);
            }
        }
        try (DatabaseSearch db = new DatabaseSearch()) {
            long start = System.nanoTime();
            db.search().rebuild(HelpCorpusEvaluation.TENANT, articles);
            System.out.printf(Locale.ROOT, "indexed %d articles in %.1f s%n", articles.size(), (System.nanoTime() - start) / 1e9);
            StringBuilder table = new StringBuilder("| order | en R@5 | MRR@10 | nl R@5 | MRR@10 | es R@5 | MRR@10 | ru R@5 | MRR@10 |\n"
                    + "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            try (Connection c = db.dataSource().getConnection()) {
                String only = args.length > 2 ? args[2] : "";
                for (Map.Entry<String, String> order : ORDERS.entrySet()) {
                    if (!only.isEmpty() && java.util.Arrays.stream(only.split(";")).noneMatch(order.getKey()::contains)) {
                        continue;
                    }
                    table.append("| ").append(order.getKey()).append(" |");
                    for (HelpCorpus corpus : corpora) {
                        String config = PostgresFullText.configuration(corpus.language);
                        String sql = "SELECT s.article_id FROM hd_article_search s, (SELECT plainto_tsquery(CAST(? AS regconfig), ?) AS allq,"
                                + " CAST(replace(CAST(plainto_tsquery(CAST(? AS regconfig), ?) AS text), ' & ', ' | ') AS tsquery) AS anyq) q"
                                + " WHERE s.tenant_id = ? AND s.config = ? AND s.document @@ q.anyq ORDER BY " + order.getValue()
                                + ", s.article_id LIMIT 10";
                        Map<String, List<String>> answers = new HashMap<>();
                        try (PreparedStatement p = c.prepareStatement(sql)) {
                            for (HelpCorpus.Query query : corpus.queries) {
                                answers.put(query.text(), answer(p, config, query.text(), keyOfId));
                            }
                        }
                        HelpCorpusEvaluation.Scores scores = HelpCorpusEvaluation.Scores.of(corpus.queries, answers);
                        table.append(String.format(Locale.ROOT, " %.3f | %.3f |", scores.recallAt5(), scores.mrrAt10()));
                    }
                    table.append('\n');
                    System.out.println(order.getKey() + " done");
                }
            }
            System.out.println(table);
        }
    }

    private static List<String> answer(PreparedStatement p, String config, String text, Map<String, String> keyOfId)
            throws SQLException {
        // the search's own words: letters and digits, as SearchText splits them
        String words = String.join(" ", text.split("[^\\p{L}\\p{N}]+")).trim();
        List<String> keys = new ArrayList<>();
        if (words.isEmpty()) {
            return keys;
        }
        p.setString(1, config);
        p.setString(2, words);
        p.setString(3, config);
        p.setString(4, words);
        p.setString(5, HelpCorpusEvaluation.TENANT.value());
        p.setString(6, config);
        try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
                keys.add(keyOfId.get(r.getObject(1).toString()));
            }
        }
        return keys;
    }
}
