package dev.helpdesk.spi.knowledge;

import dev.helpdesk.spi.internal.Identifiers;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The language (and optionally script, region and variant) of an article's text or of a
 * reader: a BCP 47 language tag such as {@code en}, {@code nl-BE}, {@code es-419} or
 * {@code sr-Latn}, kept in its canonical form ({@code en-us} reads as {@code en-US}).
 *
 * <p>A tag is well-formed BCP 47 of at most 35 characters whose language is a known ISO 639-1
 * code or a three-letter ISO 639-2/3 code; {@code und}, {@code mul}, {@code zxx}, {@code mis}
 * and the private-use range {@code qaa}–{@code qtz} are not languages an article is written in
 * and are refused, as is anything else that is not a language ({@code xx}, {@code klingon}).
 *
 * @param tag the canonical tag
 */
public record ContentLocale(String tag) {
    /** The longest tag, in characters. */
    public static final int MAX_LENGTH = 35;
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());
    private static final Set<String> NOT_A_LANGUAGE = Set.of("und", "mul", "zxx", "mis");

    /** English. */
    public static final ContentLocale ENGLISH = new ContentLocale("en");
    /** Dutch. */
    public static final ContentLocale DUTCH = new ContentLocale("nl");
    /** Spanish. */
    public static final ContentLocale SPANISH = new ContentLocale("es");
    /** Russian. */
    public static final ContentLocale RUSSIAN = new ContentLocale("ru");

    /**
     * Checks the tag is canonical and a language, as {@link #of(String)} does after
     * canonicalizing.
     *
     * @param tag the canonical tag
     * @throws dev.helpdesk.spi.ConfigurationException when it is not
     */
    public ContentLocale {
        String problem = problem(tag);
        if (problem == null && !canonical(tag).equals(tag)) {
            problem = "must be in canonical form: " + canonical(tag);
        }
        Identifiers.check("locale", problem);
    }

    /**
     * Makes a locale from a tag written in the host's code; the tag is canonicalized
     * ({@code en-us} becomes {@code en-US}).
     *
     * @param tag the BCP 47 tag
     * @return the locale
     * @throws dev.helpdesk.spi.ConfigurationException naming {@code locale} when the tag is not a
     *                                                 well-formed tag of a language
     */
    public static ContentLocale of(String tag) {
        Identifiers.check("locale", problem(tag));
        return new ContentLocale(canonical(tag));
    }

    /**
     * Reads a tag typed by a user or sent by a browser ({@code Accept-Language} entries, one at a
     * time); the tag is canonicalized.
     *
     * @param text the tag, may be null
     * @return the locale, or {@link Rejection.Invalid} naming {@code locale} and the problem
     */
    public static Either<Rejection, ContentLocale> parse(String text) {
        return Identifiers.parse("locale", problem(text), () -> new ContentLocale(canonical(text)));
    }

    /**
     * The locale of a {@link Locale} the host holds.
     *
     * @param locale the locale
     * @return the content locale
     * @throws dev.helpdesk.spi.ConfigurationException when it names no language
     */
    public static ContentLocale of(Locale locale) {
        return of(locale.toLanguageTag());
    }

    private static String problem(String tag) {
        if (tag == null) {
            return "is required";
        }
        if (tag.isEmpty() || tag.length() > MAX_LENGTH) {
            return "must be a BCP 47 language tag of 1-" + MAX_LENGTH + " characters";
        }
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag).build();
        } catch (IllformedLocaleException e) {
            return "must be a well-formed BCP 47 language tag, such as en, nl-BE or es-419";
        }
        String language = locale.getLanguage();
        boolean known = language.length() == 2 ? ISO_639_1.contains(language)
                : language.length() == 3 && !NOT_A_LANGUAGE.contains(language)
                        && !(language.compareTo("qaa") >= 0 && language.compareTo("qtz") <= 0);
        return known ? null : "must name a known language (ISO 639), not '" + language + "'";
    }

    private static String canonical(String tag) {
        return new Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
    }

    /**
     * The language subtag, lower case: {@code nl} for {@code nl-BE}.
     *
     * @return the language
     */
    public String language() {
        int dash = tag.indexOf('-');
        return dash < 0 ? tag : tag.substring(0, dash);
    }

    /**
     * The tag with its last subtag removed, as BCP 47 lookup (RFC 4647) falls back:
     * {@code sr-Latn-RS} → {@code sr-Latn} → {@code sr}.
     *
     * @return the shorter locale, or empty for a language alone
     */
    public Optional<ContentLocale> parent() {
        int dash = tag.lastIndexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        String shorter = tag.substring(0, dash);
        // a single-letter subtag introduces an extension and never stands last
        while (shorter.length() > 1 && shorter.charAt(shorter.length() - 2) == '-') {
            shorter = shorter.substring(0, shorter.length() - 2);
        }
        return Optional.of(of(shorter));
    }

    /**
     * This locale as a JDK {@link Locale}.
     *
     * @return the locale
     */
    public Locale toLocale() {
        return Locale.forLanguageTag(tag);
    }

    @Override
    public String toString() {
        return tag;
    }
}
