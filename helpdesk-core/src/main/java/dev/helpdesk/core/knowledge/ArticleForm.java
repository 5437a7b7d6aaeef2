package dev.helpdesk.core.knowledge;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.knowledge.ArticleContent;
import dev.helpdesk.spi.knowledge.ArticleKind;
import dev.helpdesk.spi.knowledge.ArticleOrigin;
import dev.helpdesk.spi.knowledge.ArticleVariant;
import dev.helpdesk.spi.knowledge.ArticleVersion;
import dev.helpdesk.spi.knowledge.ArticleVisibility;
import dev.helpdesk.spi.knowledge.ContentLocale;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.sla.CustomerSegment;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Labels;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An article as an editor's form sent it, before it is checked: plain strings that may be
 * null, empty or wrong. {@link #toContent} checks every part and answers the content of a new
 * version, or one {@link Rejection.Invalid} naming every bad field ({@code kind},
 * {@code category}, {@code visibility}, {@code tags[2]}, {@code variants},
 * {@code variants[1].locale}, {@code variants[0].title}, {@code variants[0].body}, {@code note}).
 *
 * @param kind       {@code article}, {@code faq} or {@code tutorial} (any case)
 * @param category   a category code of the desk's taxonomy, such as {@code technical.hardware}
 * @param visibility {@code public}, {@code internal} or {@code segment:<code>}
 * @param tags       labels; null reads as none
 * @param variants   one per language, at least one; null reads as none
 * @param note       what changed, one line; null for none
 */
public record ArticleForm(String kind, String category, String visibility, List<String> tags, List<VariantForm> variants,
                          String note) {

    /**
     * A form without tags or note.
     *
     * @param kind       the kind
     * @param category   the category code
     * @param visibility the visibility
     * @param variants   the languages
     * @return the form
     */
    public static ArticleForm of(String kind, String category, String visibility, VariantForm... variants) {
        return new ArticleForm(kind, category, visibility, List.of(), List.of(variants), null);
    }

    /**
     * This form with tags.
     *
     * @param more the tags
     * @return a new form
     */
    public ArticleForm withTags(String... more) {
        return new ArticleForm(kind, category, visibility, List.of(more), variants, note);
    }

    /**
     * This form with a change note.
     *
     * @param text the note
     * @return a new form
     */
    public ArticleForm withNote(String text) {
        return new ArticleForm(kind, category, visibility, tags, variants, text);
    }

    /**
     * Checks the form.
     *
     * @param taxonomy the desk's categories
     * @param origin   what the article is drafted from, if anything
     * @return the content, or {@link Rejection.Invalid} naming every bad field
     */
    public Either<Rejection, ArticleContent> toContent(Set<Category> taxonomy, Optional<ArticleOrigin> origin) {
        List<FieldError> errors = new ArrayList<>();
        ArticleKind k = null;
        if (kind == null) {
            errors.add(new FieldError("kind", "is required"));
        } else {
            try {
                k = ArticleKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("kind", "must be article, faq or tutorial"));
            }
        }
        Category c = Category.parse(category).fold(r -> add(errors, "category", r), x -> x);
        if (c != null && !taxonomy.contains(c)) {
            errors.add(new FieldError("category", "is not a category of this desk: " + c.code()));
        }
        ArticleVisibility v = visibility(errors);
        List<String> tagList = tags == null ? List.of() : tags;
        if (tagList.size() > ArticleContent.MAX_TAGS) {
            errors.add(new FieldError("tags", "must hold at most " + ArticleContent.MAX_TAGS + " tags"));
        }
        for (int i = 0; i < tagList.size() && i < ArticleContent.MAX_TAGS; i++) {
            String problem = tagList.get(i) == null ? "is required" : Labels.problem(tagList.get(i));
            if (problem != null) {
                errors.add(new FieldError("tags[" + i + "]", problem));
            }
        }
        List<ArticleVariant> built = variants(errors);
        if (note != null) {
            String problem = noteProblem(note);
            if (problem != null) {
                errors.add(new FieldError("note", problem));
            }
        }
        if (!errors.isEmpty()) {
            return Either.left(new Rejection.Invalid(errors));
        }
        try {
            return Either.right(ArticleContent.builder().kind(k).category(c).visibility(v).addAllTags(tagList)
                    .addAllVariants(built).origin(origin).build());
        } catch (ConfigurationException e) {
            return Either.left(new Rejection.Invalid(e.errors()));
        }
    }

    private ArticleVisibility visibility(List<FieldError> errors) {
        if (visibility == null) {
            errors.add(new FieldError("visibility", "is required"));
            return null;
        }
        String text = visibility.strip();
        if (text.equalsIgnoreCase("public")) {
            return ArticleVisibility.PUBLIC;
        }
        if (text.equalsIgnoreCase("internal")) {
            return ArticleVisibility.INTERNAL;
        }
        if (text.regionMatches(true, 0, "segment:", 0, 8)) {
            return CustomerSegment.parse(text.substring(8)).fold(r -> add(errors, "visibility", r), ArticleVisibility::segment);
        }
        errors.add(new FieldError("visibility", "must be public, internal or segment:<code>"));
        return null;
    }

    private List<ArticleVariant> variants(List<FieldError> errors) {
        List<VariantForm> forms = variants == null ? List.of() : variants;
        List<ArticleVariant> built = new ArrayList<>();
        if (forms.isEmpty()) {
            errors.add(new FieldError("variants", "must hold at least one language"));
        } else if (forms.size() > ArticleContent.MAX_VARIANTS) {
            errors.add(new FieldError("variants", "must hold at most " + ArticleContent.MAX_VARIANTS + " languages"));
            return built;
        }
        Set<ContentLocale> seen = new HashSet<>();
        for (int i = 0; i < forms.size(); i++) {
            String at = "variants[" + i + "]";
            VariantForm f = forms.get(i);
            if (f == null) {
                errors.add(new FieldError(at, "is required"));
                continue;
            }
            ContentLocale locale = ContentLocale.parse(f.locale()).fold(r -> add(errors, at + ".locale", r), x -> x);
            if (locale != null && !seen.add(locale)) {
                errors.add(new FieldError(at + ".locale", "repeats " + locale + "; one variant per language"));
            }
            try {
                ArticleVariant variant = ArticleVariant.builder().locale(locale == null ? ContentLocale.ENGLISH : locale)
                        .title(f.title() == null ? "" : f.title()).body(f.body() == null ? "" : f.body()).build();
                if (f.title() == null) {
                    errors.add(new FieldError(at + ".title", "is required"));
                }
                built.add(variant);
            } catch (ConfigurationException e) {
                e.errors().forEach(x -> errors.add(new FieldError(at + "." + x.field(), x.problem())));
            }
        }
        return built;
    }

    /** Adds a rejection's problems under a field; answers null for the value that is missing. */
    private static <T> T add(List<FieldError> errors, String field, Rejection r) {
        if (r instanceof Rejection.Invalid invalid) {
            invalid.errors().forEach(e -> errors.add(new FieldError(field, e.problem())));
        } else {
            errors.add(new FieldError(field, r.message()));
        }
        return null;
    }

    private static String noteProblem(String text) {
        if (text.isBlank()) {
            return "must not be blank";
        }
        if (text.codePoints().anyMatch(cp -> Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029)) {
            return "must be one line without control characters";
        }
        if (text.codePoints().anyMatch(cp -> Character.getType(cp) == Character.SURROGATE)) {
            return "must not contain unpaired surrogates";
        }
        if (text.codePointCount(0, text.length()) > ArticleVersion.MAX_NOTE_LENGTH) {
            return "must be at most " + ArticleVersion.MAX_NOTE_LENGTH + " characters";
        }
        return null;
    }
}
