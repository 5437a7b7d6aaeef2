package dev.helpdesk.search.lucene.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.reverse.ReverseStringFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.CharTokenizer;

/**
 * The analyzers of the index, per language. Three kinds of field are analysed:
 *
 * <ul>
 *   <li><b>stem</b>: the language's own Lucene analyzer (stemming and stop words): English,
 *       Dutch, Spanish, Russian, and German, French, Italian and Portuguese; any other language
 *       gets the standard analyzer (no stemming).</li>
 *   <li><b>exact</b>: the same for every language: words split at hyphens, dots, underscores,
 *       case changes and digits with the joined form kept ({@code ALSNB-functie} gives
 *       {@code alsnb-functie}, {@code alsnb}, {@code functie}, {@code alsnbfunctie}), lower
 *       case, diacritics folded ({@code función} → {@code funcion}, {@code ё} → {@code е}), no
 *       stemming and no stop words, so an exact word outranks a word that only shares its stem.</li>
 *   <li><b>reversed stem</b>: the stem field's terms written backwards, so that a word finds the
 *       compounds it ends ({@code verwijzingen} finds {@code bladverwijzingen}) with a prefix
 *       query.</li>
 * </ul>
 */
public final class Analysis {
    private static final NormalizeCharMap FOLD_YO;

    static {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        map.add("ё", "е");
        map.add("Ё", "Е");
        FOLD_YO = map.build();
    }

    private static final Map<String, Analyzer> STEM = new ConcurrentHashMap<>();
    private static final Map<String, Analyzer> REVERSED = new ConcurrentHashMap<>();
    private static final Analyzer EXACT_INDEX = exact(true);
    private static final Analyzer EXACT_QUERY = exact(false);

    private Analysis() {
    }

    /**
     * The language's stemming analyzer.
     *
     * @param language an ISO 639 language code
     * @return the analyzer, shared
     */
    public static Analyzer stem(String language) {
        return STEM.computeIfAbsent(language, Analysis::languageAnalyzer);
    }

    /**
     * The language's stemming analyzer with reversed terms.
     *
     * @param language an ISO 639 language code
     * @return the analyzer, shared
     */
    public static Analyzer reversedStem(String language) {
        return REVERSED.computeIfAbsent(language, l -> new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                TokenStreamComponents base = languageComponents(l);
                return new TokenStreamComponents(base.getSource(), new ReverseStringFilter(base.getTokenStream()));
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new MappingCharFilter(FOLD_YO, reader);
            }
        });
    }

    /**
     * The exact analyzer for indexing (its word-part graph flattened).
     *
     * @return the analyzer, shared
     */
    public static Analyzer exactIndex() {
        return EXACT_INDEX;
    }

    /**
     * The exact analyzer for one query word.
     *
     * @return the analyzer, shared
     */
    public static Analyzer exactQuery() {
        return EXACT_QUERY;
    }

    /**
     * Tells whether a language has its own stemming analyzer here.
     *
     * @param language an ISO 639 language code
     * @return true for en, nl, es, ru, de, fr, it and pt
     */
    public static boolean stems(String language) {
        return switch (language) {
            case "en", "nl", "es", "ru", "de", "fr", "it", "pt" -> true;
            default -> false;
        };
    }

    private static Analyzer languageAnalyzer(String language) {
        Analyzer analyzer = switch (language) {
            case "en" -> new EnglishAnalyzer();
            case "nl" -> new DutchAnalyzer();
            case "es" -> new SpanishAnalyzer();
            case "ru" -> new RussianAnalyzer();
            case "de" -> new GermanAnalyzer();
            case "fr" -> new FrenchAnalyzer();
            case "it" -> new ItalianAnalyzer();
            case "pt" -> new PortugueseAnalyzer();
            default -> new StandardAnalyzer();
        };
        if (!language.equals("ru")) {
            return analyzer;
        }
        // Russian writers leave the diaeresis off ё more often than not: fold it before stemming
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                return languageComponents("ru");
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new MappingCharFilter(FOLD_YO, reader);
            }
        };
    }

    /** The components of a language's analyzer, for wrapping. */
    private static Analyzer.TokenStreamComponents languageComponents(String language) {
        Analyzer delegate = switch (language) {
            case "en" -> new EnglishAnalyzer();
            case "nl" -> new DutchAnalyzer();
            case "es" -> new SpanishAnalyzer();
            case "ru" -> new RussianAnalyzer();
            case "de" -> new GermanAnalyzer();
            case "fr" -> new FrenchAnalyzer();
            case "it" -> new ItalianAnalyzer();
            case "pt" -> new PortugueseAnalyzer();
            default -> new StandardAnalyzer();
        };
        return new Wrapped(delegate).components();
    }

    /** Reaches a language analyzer's components through the public wrapper API. */
    private static final class Wrapped extends org.apache.lucene.analysis.AnalyzerWrapper {
        private final Analyzer delegate;

        Wrapped(Analyzer delegate) {
            super(delegate.getReuseStrategy());
            this.delegate = delegate;
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return delegate;
        }

        Analyzer.TokenStreamComponents components() {
            return wrapComponents("f", createComponents("f"));
        }
    }

    private static Analyzer exact(boolean index) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new WordCharTokenizer();
                TokenStream stream = new PatternReplaceFilter(source,
                        java.util.regex.Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$"), "", true);
                stream = new LengthFilter(stream, 1, 100);
                stream = new WordDelimiterGraphFilter(stream,
                        WordDelimiterGraphFilter.GENERATE_WORD_PARTS | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
                                | WordDelimiterGraphFilter.CATENATE_WORDS | WordDelimiterGraphFilter.CATENATE_NUMBERS
                                | WordDelimiterGraphFilter.CATENATE_ALL | WordDelimiterGraphFilter.PRESERVE_ORIGINAL
                                | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
                                | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE, null);
                if (index) {
                    stream = new FlattenGraphFilter(stream);
                }
                stream = new LowerCaseFilter(stream);
                stream = new ASCIIFoldingFilter(stream);
                return new TokenStreamComponents(source, stream);
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new MappingCharFilter(FOLD_YO, reader);
            }
        };
    }

    /** Words: letters, digits and the marks that join parts of one word (hyphens, dots, apostrophes). */
    static final class WordCharTokenizer extends CharTokenizer {
        @Override
        protected boolean isTokenChar(int c) {
            return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                    || c == '-' || c == '.' || c == '_' || c == '\'' || c == '\u2019' || c == '\u2010' || c == '\u2011';
        }
    }

    /**
     * The terms an analyzer makes of a text.
     *
     * @param analyzer the analyzer
     * @param text     the text
     * @return the terms, in order
     */
    public static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /**
     * Lower case and folded, as the exact field keeps a word.
     *
     * @param word a word
     * @return the folded word
     */
    public static String fold(String word) {
        char[] in = word.toLowerCase(Locale.ROOT).replace('ё', 'е').toCharArray();
        char[] out = new char[in.length * 4];
        int n = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
        return new String(out, 0, n);
    }
}
