package dev.helpdesk.search.lucene.internal;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.core.KeywordAnalyzer;

/** Chooses each field's analyzer by its name: the language after the dot, the kind before it. */
public final class IndexAnalyzer extends DelegatingAnalyzerWrapper {
    private static final Analyzer KEYWORD = new KeywordAnalyzer();

    /** Makes the wrapper. */
    public IndexAnalyzer() {
        super(PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String field) {
        String language = Fields.languageOf(field);
        if (language == null) {
            return KEYWORD;
        }
        if (field.startsWith("title_stem.") || field.startsWith("heading_stem.") || field.startsWith("body_stem.")) {
            return Analysis.stem(language);
        }
        if (field.startsWith("reversed.")) {
            return Analysis.reversedStem(language);
        }
        return Analysis.exactIndex();
    }
}
