package dev.helpdesk.spi.knowledge;

import dev.helpdesk.spi.internal.Identifiers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The languages a reader reads, best first: the reader's own locale followed by the tenant's
 * fallback chain, such as {@code nl-BE, nl, en}. An article is shown in the first of these it
 * has; one that has none of them is not shown.
 *
 * <p>{@link #pick(Collection)} tries each entry in turn with its shorter forms ({@code nl-BE},
 * then {@code nl}) and then any variant of its language ({@code nl-NL}), before the next entry.
 *
 * @param locales the locales, best first, without duplicates, at least one
 */
public record LocaleChain(List<ContentLocale> locales) {
    /** The longest chain. */
    public static final int MAX_LENGTH = 16;

    /**
     * Checks the chain.
     *
     * @param locales the locales, best first, without duplicates, at least one
     * @throws dev.helpdesk.spi.ConfigurationException naming {@code locales} when it is empty,
     *                                                 longer than {@value #MAX_LENGTH} or repeats a locale
     */
    public LocaleChain {
        Objects.requireNonNull(locales, "locales");
        String problem = null;
        if (locales.stream().anyMatch(Objects::isNull)) {
            problem = "must not hold null";
        } else if (locales.isEmpty() || locales.size() > MAX_LENGTH) {
            problem = "must hold 1-" + MAX_LENGTH + " locales, not " + locales.size();
        } else if (new LinkedHashSet<>(locales).size() != locales.size()) {
            problem = "must name each locale once: " + locales;
        }
        Identifiers.check("locales", problem);
        locales = List.copyOf(locales);
    }

    /**
     * A chain of a reader's locale and its fallbacks.
     *
     * @param first     the reader's locale
     * @param fallbacks the tenant's fallbacks, in order; any already named are skipped
     * @return the chain
     */
    public static LocaleChain of(ContentLocale first, ContentLocale... fallbacks) {
        Set<ContentLocale> all = new LinkedHashSet<>();
        all.add(Objects.requireNonNull(first, "first"));
        for (ContentLocale f : fallbacks) {
            all.add(Objects.requireNonNull(f, "fallback"));
        }
        return new LocaleChain(new ArrayList<>(all));
    }

    /**
     * The reader's own locale.
     *
     * @return the first locale
     */
    public ContentLocale first() {
        return locales.get(0);
    }

    /**
     * The chain with each locale's shorter forms right after it, once each:
     * {@code nl-BE, en} expands to {@code nl-BE, nl, en}.
     *
     * @return the expanded chain
     */
    public List<ContentLocale> expanded() {
        Set<ContentLocale> all = new LinkedHashSet<>();
        for (ContentLocale l : locales) {
            Optional<ContentLocale> next = Optional.of(l);
            while (next.isPresent()) {
                all.add(next.get());
                next = next.get().parent();
            }
        }
        return List.copyOf(all);
    }

    /**
     * The locale in which a reader sees an article that has variants in {@code available}.
     *
     * <p>Each entry of the chain is tried in turn: the entry itself and its shorter forms
     * ({@code nl-BE}, then {@code nl}), then any variant of the entry's language (the smallest
     * tag, so the choice is stable: {@code nl-NL} for a Belgian reader when there is no Dutch
     * variant of their own), before the next entry (the tenant's fallback) is tried.
     *
     * @param available the article's locales
     * @return the chosen locale; empty when the chain reaches none of them
     */
    public Optional<ContentLocale> pick(Collection<ContentLocale> available) {
        int best = Integer.MAX_VALUE;
        ContentLocale chosen = null;
        for (ContentLocale a : available) {
            Optional<Integer> r = rank(a);
            if (r.isPresent() && (r.get() < best || r.get() == best && a.tag().compareTo(chosen.tag()) < 0)) {
                best = r.get();
                chosen = a;
            }
        }
        return Optional.ofNullable(chosen);
    }

    /**
     * How far down the chain a locale is reached: lower is better, so a search ranks a reader's
     * own language before a fallback. Entry {@code i} of the chain reaches its own tag and its
     * shorter forms at {@code 2i}, other variants of its language at {@code 2i + 1}.
     *
     * @param locale a locale an article has
     * @return the rank, or empty when the chain does not reach it
     */
    public Optional<Integer> rank(ContentLocale locale) {
        for (int i = 0; i < locales.size(); i++) {
            Optional<ContentLocale> form = Optional.of(locales.get(i));
            while (form.isPresent()) {
                if (form.get().equals(locale)) {
                    return Optional.of(2 * i);
                }
                form = form.get().parent();
            }
            if (locales.get(i).language().equals(locale.language())) {
                return Optional.of(2 * i + 1);
            }
        }
        return Optional.empty();
    }
}
