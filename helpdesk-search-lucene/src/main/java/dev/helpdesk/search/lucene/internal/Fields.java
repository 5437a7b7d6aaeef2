package dev.helpdesk.search.lucene.internal;

/** The names of the index's fields. */
public final class Fields {
    private Fields() {
    }

    /** The tenant and article, for replacing and removing an article's documents. */
    public static final String ARTICLE = "article";
    /** The tenant. */
    public static final String TENANT = "tenant";
    /** The article id, stored. */
    public static final String ID = "id";
    /** The variant's locale tag. */
    public static final String LOCALE = "locale";
    /** The variant's language. */
    public static final String LANGUAGE = "lang";
    /** The article kind. */
    public static final String KIND = "kind";
    /** The category and every category above it, for filtering. */
    public static final String CATEGORY_PATH = "category_path";
    /** The category, stored. */
    public static final String CATEGORY = "category";
    /** A tag. */
    public static final String TAG = "tag";
    /** The visibility key. */
    public static final String VISIBILITY = "visibility";
    /** The title as written, stored. */
    public static final String TITLE = "title";
    /** The readable text of the body and the transcripts, stored. */
    public static final String TEXT = "text";

    /**
     * The title analysed by the language's analyzer.
     *
     * @param language the language
     * @return the field name
     */
    public static String titleStem(String language) {
        return "title_stem." + language;
    }

    /**
     * The body's headings analysed by the language's analyzer.
     *
     * @param language the language
     * @return the field name
     */
    public static String headingStem(String language) {
        return "heading_stem." + language;
    }

    /**
     * The body's headings analysed by the exact analyzer.
     *
     * @param language the language
     * @return the field name
     */
    public static String headingExact(String language) {
        return "heading_exact." + language;
    }

    /**
     * The body analysed by the language's analyzer.
     *
     * @param language the language
     * @return the field name
     */
    public static String bodyStem(String language) {
        return "body_stem." + language;
    }

    /**
     * The title analysed by the exact analyzer.
     *
     * @param language the language
     * @return the field name
     */
    public static String titleExact(String language) {
        return "title_exact." + language;
    }

    /**
     * The body analysed by the exact analyzer.
     *
     * @param language the language
     * @return the field name
     */
    public static String bodyExact(String language) {
        return "body_exact." + language;
    }

    /**
     * Title and body stems written backwards.
     *
     * @param language the language
     * @return the field name
     */
    public static String reversed(String language) {
        return "reversed." + language;
    }

    /**
     * The language of an analysed field, after its dot.
     *
     * @param field a field name
     * @return the language, or null for a field that is not analysed per language
     */
    public static String languageOf(String field) {
        int dot = field.indexOf('.');
        return dot < 0 ? null : field.substring(dot + 1);
    }
}
