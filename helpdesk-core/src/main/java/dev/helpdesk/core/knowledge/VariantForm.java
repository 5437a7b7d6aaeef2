package dev.helpdesk.core.knowledge;

/**
 * One language of an article as a form sent it: any part may be null or wrong, and
 * {@link ArticleForm#toContent} names each problem.
 *
 * @param locale a BCP 47 tag such as {@code nl-BE}
 * @param title  the title, one line
 * @param body   the body in Markdown; null reads as empty
 */
public record VariantForm(String locale, String title, String body) {
    /**
     * A variant.
     *
     * @param locale the tag
     * @param title  the title
     * @param body   the Markdown
     * @return the form
     */
    public static VariantForm of(String locale, String title, String body) {
        return new VariantForm(locale, title, body);
    }
}
