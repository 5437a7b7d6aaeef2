package dev.helpdesk.search.lucene.internal;

import dev.helpdesk.spi.knowledge.ArticleKind;
import dev.helpdesk.spi.knowledge.ContentLocale;
import dev.helpdesk.spi.knowledge.KnowledgeQuery;
import dev.helpdesk.spi.ticket.Category;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Turns a {@link KnowledgeQuery} into the Lucene query a search runs. The reader's text is only
 * ever split into words here; no query syntax is parsed, so nothing a reader types can fail.
 *
 * <p>For each language of the reader's chain, every query word becomes the best (a disjunction
 * maximum) of: its stem in title, headings and body (the language's analyzer), the word itself
 * there (exact fields, weighed as the stem; the maximum's tie-breaker still puts a document with
 * the word above one whose word only shares the stem), the joined form of a hyphenated, dotted or camel-case word and of two
 * neighbouring query words when the index has it ({@code blad verwijzingen} finds
 * {@code bladverwijzingen}), the word's split into two words of the index's own vocabulary
 * ({@code bladverwijzingen} finds {@code blad} and {@code verwijzingen}), and, lower, the word as
 * the end of a compound and a word within one or two typing errors. Any word may match; a
 * constant per word present makes documents with every word rank first (PostgreSQL's all-words
 * rule as an order, not a filter), and the words near each other in title or body add a phrase
 * bonus.
 */
public final class QueryPlanner {
    /** The most query words used; a longer text is cut, since more words add cost, not precision. */
    public static final int MAX_WORDS = 32;
    /**
     * About how many Lucene terms one query word costs in one language (stems, exact words,
     * joins, splits, suffix and typo alternatives, and the coverage clause that repeats them),
     * against Lucene's limit of 1,024 terms per query.
     */
    private static final int TERMS_PER_WORD = 40;
    private static final int TERM_BUDGET = 960;
    private static final int MIN_SPLIT_LENGTH = 7;
    private static final int MIN_PART = 3;
    /** Longer words are split no further: no compound of a help text is longer. */
    private static final int MAX_SPLIT_LENGTH = 40;
    /** Longer words get no typo tolerance: their automata cost more than they find. */
    private static final int MAX_FUZZY_LENGTH = 24;

    private final Ranking ranking;

    /**
     * A planner with weights.
     *
     * @param ranking the weights
     */
    public QueryPlanner(Ranking ranking) {
        this.ranking = ranking;
    }

    /**
     * The terms a language's part of the query looks for, for highlighting.
     *
     * @param stems stems of the language's analyzer
     * @param exact exact (folded) words
     * @param fuzzy words matched with typing errors
     * @param suffixes stems matched as the end of a compound
     */
    public record Terms(Set<String> stems, Set<String> exact, Set<String> fuzzy, Set<String> suffixes) {
    }

    /**
     * A planned search.
     *
     * @param query     the Lucene query, filters included
     * @param languages the terms per language, for highlighting
     * @param words     how many words of the text the query uses
     */
    public record Plan(Query query, Map<String, Terms> languages, int words) {
    }

    /** One whitespace-separated unit of the text, split into its word parts. */
    record Unit(String original, List<String> parts) {
    }

    /** One query word in one language. */
    private static final class Word {
        final String exact;
        final List<String> stems;
        final List<Query> extra = new ArrayList<>();

        Word(String exact, List<String> stems) {
            this.exact = exact;
            this.stems = stems;
        }
    }

    /**
     * Plans a search.
     *
     * @param query  the search
     * @param reader the index, whose vocabulary decides joins and splits
     * @return the plan, or empty when the text has no words (punctuation alone)
     */
    public Optional<Plan> plan(KnowledgeQuery query, IndexReader reader) {
        Set<String> languages = new LinkedHashSet<>();
        for (ContentLocale l : query.locales().locales()) {
            languages.add(l.language());
        }
        int words = Math.max(1, Math.min(MAX_WORDS, TERM_BUDGET / (TERMS_PER_WORD * languages.size())));
        return plan(query, reader, words);
    }

    /**
     * Plans a search with at most some words of the text.
     *
     * @param query    the search
     * @param reader   the index
     * @param maxWords the most words to use, at least 1
     * @return the plan, or empty when the text has no words
     */
    public Optional<Plan> plan(KnowledgeQuery query, IndexReader reader, int maxWords) {
        List<Unit> units = units(query.text().value(), maxWords);
        if (units.isEmpty()) {
            return Optional.empty();
        }
        Set<String> languages = new LinkedHashSet<>();
        for (ContentLocale l : query.locales().locales()) {
            languages.add(l.language());
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        Map<String, Terms> terms = new LinkedHashMap<>();
        for (String language : languages) {
            Terms t = new Terms(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
            Query q = language(language, units, reader, t);
            if (q != null) {
                any.add(q, BooleanClause.Occur.SHOULD);
                terms.put(language, t);
            }
        }
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        all.add(any.build(), BooleanClause.Occur.MUST);
        all.add(new TermQuery(new Term(Fields.TENANT, query.tenant().value())), BooleanClause.Occur.FILTER);
        if (!query.viewer().readsEverything()) {
            all.add(new TermInSetQuery(Fields.VISIBILITY, bytes(query.viewer().readableKeys())), BooleanClause.Occur.FILTER);
        }
        if (!query.categories().isEmpty()) {
            all.add(new TermInSetQuery(Fields.CATEGORY_PATH, bytes(query.categories().stream().map(Category::code).toList())),
                    BooleanClause.Occur.FILTER);
        }
        for (String tag : query.tags()) {
            all.add(new TermQuery(new Term(Fields.TAG, tag)), BooleanClause.Occur.FILTER);
        }
        if (!query.kinds().isEmpty()) {
            all.add(new TermInSetQuery(Fields.KIND, bytes(query.kinds().stream().map(ArticleKind::name).toList())),
                    BooleanClause.Occur.FILTER);
        }
        int used = units.stream().mapToInt(u -> u.parts().size()).sum();
        return Optional.of(new Plan(all.build(), terms, used));
    }

    private static List<BytesRef> bytes(java.util.Collection<String> values) {
        return values.stream().map(BytesRef::new).toList();
    }

    /**
     * The units of a text: runs of letters, digits and the marks that join parts of one word
     * (hyphens, dots, underscores, apostrophes), without leading and trailing marks, each split
     * into its parts at those marks ({@code ALSNB-functie} is one unit of two parts). Everything
     * else (spaces, semicolons, quotes, brackets, operators) separates units.
     */
    static List<Unit> units(String text, int maxWords) {
        List<Unit> units = new ArrayList<>();
        int words = 0;
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i <= text.length(); ) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            i += i < text.length() ? Character.charCount(cp) : 1;
            if (isWordChar(cp) || isJoiner(cp)) {
                raw.appendCodePoint(cp);
                continue;
            }
            if (raw.length() > 0) {
                Unit unit = unit(raw.toString());
                raw.setLength(0);
                if (unit != null) {
                    if (words + unit.parts().size() > maxWords) {
                        break;
                    }
                    words += unit.parts().size();
                    units.add(unit);
                }
            }
        }
        return units;
    }

    private static Unit unit(String raw) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (isWordChar(cp)) {
                part.appendCodePoint(cp);
            } else if (part.length() > 0) {
                parts.add(part.toString());
                part.setLength(0);
            }
        }
        if (part.length() > 0) {
            parts.add(part.toString());
        }
        if (parts.isEmpty()) {
            return null;
        }
        String original = raw.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
        return new Unit(Analysis.fold(original), parts);
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
    }

    private static boolean isJoiner(int cp) {
        return cp == '-' || cp == '.' || cp == '_' || cp == '\'' || cp == '\u2019' || cp == '\u2010' || cp == '\u2011';
    }

    private Query language(String language, List<Unit> units, IndexReader reader, Terms terms) {
        String titleStem = Fields.titleStem(language);
        String bodyStem = Fields.bodyStem(language);
        String titleExact = Fields.titleExact(language);
        String bodyExact = Fields.bodyExact(language);

        List<Word> all = new ArrayList<>();
        List<Word> content = new ArrayList<>();
        for (Unit unit : units) {
            List<Word> ofUnit = new ArrayList<>();
            for (String part : unit.parts()) {
                Word w = new Word(Analysis.fold(part), Analysis.terms(Analysis.stem(language), part));
                ofUnit.add(w);
                all.add(w);
                if (!w.stems.isEmpty()) {
                    content.add(w);
                }
            }
            if (unit.parts().size() > 1) {
                // the unit as written and its parts joined, as the exact field indexes them
                String joined = Analysis.fold(String.join("", unit.parts()));
                for (Word w : ofUnit) {
                    w.extra.add(exactTerms(titleExact, bodyExact, unit.original()));
                    w.extra.add(exactTerms(titleExact, bodyExact, joined));
                }
                terms.exact().add(joined);
            }
        }
        if (content.isEmpty()) {
            // stop words alone ("how to"): search them as words
            for (Word w : all) {
                content.add(new Word(w.exact, List.of(w.exact)));
            }
        }
        for (int i = 0; i + 1 < content.size(); i++) {
            String joined = content.get(i).exact + content.get(i + 1).exact;
            if (docFreq(reader, titleExact, bodyExact, joined) > 0) {
                Query q = exactTerms(titleExact, bodyExact, joined);
                content.get(i).extra.add(q);
                content.get(i + 1).extra.add(q);
                terms.exact().add(joined);
            }
        }

        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Word w : content) {
            List<Query> strong = new ArrayList<>();
            for (String stem : w.stems) {
                strong.add(boost(new TermQuery(new Term(titleStem, stem)), ranking.title()));
                strong.add(boost(new TermQuery(new Term(Fields.headingStem(language), stem)), ranking.heading()));
                strong.add(new TermQuery(new Term(bodyStem, stem)));
                terms.stems().add(stem);
            }
            strong.add(exactTerms(titleExact, bodyExact, w.exact));
            terms.exact().add(w.exact);
            strong.addAll(w.extra);
            split(reader, language, w.exact, terms).ifPresent(strong::add);
            Query best = new DisjunctionMaxQuery(strong, 0.1f);

            List<Query> weak = new ArrayList<>();
            String stem = w.stems.get(0);
            if (stem.length() >= 5 && ranking.suffix() > 0) {
                weak.add(boost(new PrefixQuery(new Term(Fields.reversed(language), new StringBuilder(stem).reverse().toString()),
                        new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(16)), ranking.suffix()));
                terms.suffixes().add(stem);
            }
            if (w.exact.length() >= 5 && w.exact.length() <= MAX_FUZZY_LENGTH && ranking.fuzzy() > 0) {
                int edits = w.exact.length() >= 9 ? 2 : 1;
                weak.add(boost(new DisjunctionMaxQuery(List.of(
                        boost(new FuzzyQuery(new Term(titleExact, w.exact), edits, 1, 16, true), ranking.title()),
                        new FuzzyQuery(new Term(bodyExact, w.exact), edits, 1, 16, true)), 0f), ranking.fuzzy()));
                terms.fuzzy().add(w.exact);
            }
            List<Query> either = new ArrayList<>();
            either.add(best);
            either.addAll(weak);
            b.add(new DisjunctionMaxQuery(either, 0f), BooleanClause.Occur.SHOULD);

            List<Query> covered = new ArrayList<>();
            covered.add(boost(new ConstantScoreQuery(best), ranking.coverage()));
            if (!weak.isEmpty()) {
                covered.add(boost(new ConstantScoreQuery(new DisjunctionMaxQuery(weak, 0f)), ranking.coverage() / 2));
            }
            b.add(new DisjunctionMaxQuery(covered, 0f), BooleanClause.Occur.SHOULD);
        }
        if (content.size() > 1 && ranking.phrase() > 0) {
            for (String field : List.of(titleStem, bodyStem)) {
                PhraseQuery.Builder phrase = new PhraseQuery.Builder();
                for (int i = 0; i < content.size(); i++) {
                    phrase.add(new Term(field, content.get(i).stems.get(0)), i);
                }
                phrase.setSlop(3);
                b.add(boost(phrase.build(), field.equals(titleStem) ? ranking.phrase() * ranking.title() : ranking.phrase()),
                        BooleanClause.Occur.SHOULD);
            }
        }
        return b.build();
    }

    private Query exactTerms(String titleExact, String bodyExact, String word) {
        return new DisjunctionMaxQuery(List.of(
                boost(new TermQuery(new Term(titleExact, word)), ranking.title() * ranking.exact()),
                boost(new TermQuery(new Term(Fields.headingExact(Fields.languageOf(titleExact)), word)),
                        ranking.heading() * ranking.exact()),
                boost(new TermQuery(new Term(bodyExact, word)), ranking.exact())), 0.1f);
    }

    private Query stemOrExact(String language, String word, Terms terms) {
        List<Query> alternatives = new ArrayList<>();
        alternatives.add(exactTerms(Fields.titleExact(language), Fields.bodyExact(language), word));
        terms.exact().add(word);
        for (String stem : Analysis.terms(Analysis.stem(language), word)) {
            alternatives.add(boost(new TermQuery(new Term(Fields.titleStem(language), stem)), ranking.title()));
            alternatives.add(boost(new TermQuery(new Term(Fields.headingStem(language), stem)), ranking.heading()));
            alternatives.add(new TermQuery(new Term(Fields.bodyStem(language), stem)));
            terms.stems().add(stem);
        }
        return new DisjunctionMaxQuery(alternatives, 0.1f);
    }

    /**
     * A compound of the query as two words of the index's vocabulary: the split whose shorter
     * part is longest, allowing a linking {@code s} or {@code e} ({@code gebruikersnaam} as
     * {@code gebruiker} and {@code naam}).
     */
    private Optional<Query> split(IndexReader reader, String language, String word, Terms terms) {
        if (word.length() < MIN_SPLIT_LENGTH || word.length() > MAX_SPLIT_LENGTH || ranking.split() <= 0) {
            return Optional.empty();
        }
        String titleExact = Fields.titleExact(language);
        String bodyExact = Fields.bodyExact(language);
        String bestLeft = null;
        String bestRight = null;
        int bestShorter = 0;
        for (int i = MIN_PART; i <= word.length() - MIN_PART; i++) {
            String right = word.substring(i);
            if (Math.min(i, right.length()) <= bestShorter) {
                continue;
            }
            String left = word.substring(0, i);
            String found = null;
            if (docFreq(reader, titleExact, bodyExact, left) > 0) {
                found = left;
            } else if ((left.endsWith("s") || left.endsWith("e")) && left.length() > MIN_PART
                    && docFreq(reader, titleExact, bodyExact, left.substring(0, left.length() - 1)) > 0) {
                found = left.substring(0, left.length() - 1);
            }
            if (found != null && docFreq(reader, titleExact, bodyExact, right) > 0) {
                bestLeft = found;
                bestRight = right;
                bestShorter = Math.min(i, right.length());
            }
        }
        if (bestLeft == null) {
            return Optional.empty();
        }
        BooleanQuery.Builder both = new BooleanQuery.Builder();
        both.add(stemOrExact(language, bestLeft, terms), BooleanClause.Occur.MUST);
        both.add(stemOrExact(language, bestRight, terms), BooleanClause.Occur.MUST);
        return Optional.of(boost(both.build(), ranking.split()));
    }

    private static int docFreq(IndexReader reader, String titleField, String bodyField, String word) {
        try {
            return reader.docFreq(new Term(bodyField, word)) + reader.docFreq(new Term(titleField, word));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Query boost(Query query, float boost) {
        return boost == 1f ? query : new BoostQuery(query, boost);
    }
}
