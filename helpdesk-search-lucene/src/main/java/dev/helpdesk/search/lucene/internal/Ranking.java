package dev.helpdesk.search.lucene.internal;

/**
 * The weights of the query a search runs; see {@link QueryPlanner} for what each weighs.
 *
 * @param title    a title match over the same match in the body
 * @param heading  a match in a heading of the body ({@code ## Heading}) over the same match in
 *                 the body; 0 leaves the headings out
 * @param exact    an exact-word match over a match of the stem alone
 * @param coverage the constant each query word adds when a document has it (so documents with
 *                 all words come first), per word
 * @param phrase   the query's words near each other (within a few words)
 * @param split    a query compound found as its parts ({@code bladverwijzingen} as {@code blad}
 *                 and {@code verwijzingen})
 * @param suffix   a query word found as the end of a compound ({@code verwijzingen} in
 *                 {@code bladverwijzingen})
 * @param fuzzy    a word within one or two typing errors of a query word
 * @param length   BM25's length normalization {@code b} (0: a field's length does not matter, 1:
 *                 a match weighs inversely to the field's length; Lucene's default is 0.75)
 */
public record Ranking(float title, float heading, float exact, float coverage, float phrase, float split, float suffix, float fuzzy, float length) {
    /** The weights the search uses, measured on the relevance set (docs/benchmarks.md). */
    public static final Ranking DEFAULT = new Ranking(2.5f, 1.5f, 1f, 4f, 1.5f, 0.8f, 0.4f, 0.3f, 0.15f);
}
