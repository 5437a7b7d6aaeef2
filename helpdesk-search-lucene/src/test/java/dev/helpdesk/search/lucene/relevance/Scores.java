package dev.helpdesk.search.lucene.relevance;

import java.util.List;

/**
 * Recall@5 and MRR@10 over a list of queries.
 *
 * @param recallAt5 the share of each query's relevant pages found in its first five answers, averaged
 * @param mrrAt10   the reciprocal rank of the first relevant page within ten answers (0 when none), averaged
 * @param queries   how many queries
 */
public record Scores(double recallAt5, double mrrAt10, int queries) {
    /** The scores of ranked answers against their relevant pages. */
    public static Scores of(List<List<String>> answers, List<List<String>> relevant) {
        double recall = 0;
        double mrr = 0;
        for (int i = 0; i < answers.size(); i++) {
            List<String> answer = answers.get(i);
            List<String> wanted = relevant.get(i);
            long found = answer.stream().limit(5).filter(wanted::contains).count();
            recall += (double) found / wanted.size();
            for (int r = 0; r < Math.min(10, answer.size()); r++) {
                if (wanted.contains(answer.get(r))) {
                    mrr += 1.0 / (r + 1);
                    break;
                }
            }
        }
        int n = answers.size();
        return new Scores(n == 0 ? 0 : recall / n, n == 0 ? 0 : mrr / n, n);
    }
}
