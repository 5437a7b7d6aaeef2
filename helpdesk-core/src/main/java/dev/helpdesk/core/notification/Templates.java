package dev.helpdesk.core.notification;

import dev.helpdesk.spi.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts notices are made of, per language, with {@code {placeholder}} parts filled in when
 * a notice is rendered. The desk ships English, Dutch, Spanish and Russian; a host adds
 * languages or replaces single texts with {@link #with}. A language the desk has no text for
 * falls back to English, text by text. Immutable and thread-safe.
 *
 * <p>Keys: {@code <topic>.subject} and {@code <topic>.body} for the topics
 * {@code escalation}, {@code sla_warning} and {@code sla_breach}; {@code customer.subject} and
 * {@code customer.body} for notices to customers; {@code role_line}; {@code none};
 * {@code clock.<clock>} for the names of the SLA clocks.
 */
public final class Templates {
    /** The languages whose texts ship with the desk. */
    public static final List<String> SHIPPED = List.of("en", "nl", "es", "ru");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    private static final Templates DEFAULTS = load();

    private final Map<String, Map<String, String>> byLanguage;

    private Templates(Map<String, Map<String, String>> byLanguage) {
        this.byLanguage = byLanguage;
    }

    /**
     * The shipped texts.
     *
     * @return the templates in English, Dutch, Spanish and Russian
     */
    public static Templates defaults() {
        return DEFAULTS;
    }

    private static Templates load() {
        Map<String, Map<String, String>> all = new HashMap<>();
        for (String language : SHIPPED) {
            String resource = "templates_" + language + ".properties";
            try (InputStream in = Templates.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new ConfigurationException("missing notice templates " + resource);
                }
                Properties p = new Properties();
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    p.load(reader);
                }
                Map<String, String> texts = new HashMap<>();
                p.stringPropertyNames().forEach(k -> texts.put(k, p.getProperty(k)));
                all.put(language, Map.copyOf(texts));
            } catch (IOException e) {
                throw new ConfigurationException("cannot read notice templates " + resource + ": " + e.getMessage());
            }
        }
        return new Templates(Map.copyOf(all));
    }

    /**
     * These templates with some texts of one language added or replaced.
     *
     * @param language the language, such as {@code de} or {@code nl}
     * @param texts    the texts by key
     * @return the new templates
     */
    public Templates with(Locale language, Map<String, String> texts) {
        Objects.requireNonNull(language, "language");
        Map<String, Map<String, String>> copy = new HashMap<>(byLanguage);
        Map<String, String> merged = new HashMap<>(copy.getOrDefault(language.getLanguage(), Map.of()));
        texts.forEach((k, v) -> merged.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "text")));
        copy.put(language.getLanguage(), Map.copyOf(merged));
        return new Templates(Map.copyOf(copy));
    }

    /**
     * The languages that have texts.
     *
     * @return language codes
     */
    public Set<String> languages() {
        return byLanguage.keySet();
    }

    /**
     * The language a notice to someone speaking a language is written in.
     *
     * @param wanted the recipient's language
     * @return the same language when there are texts in it, English otherwise
     */
    public Locale languageFor(Locale wanted) {
        return byLanguage.containsKey(wanted.getLanguage()) ? Locale.forLanguageTag(wanted.getLanguage()) : Locale.ENGLISH;
    }

    /**
     * One text in a language, falling back to English.
     *
     * @param language the language
     * @param key      the key
     * @return the text, or the key itself when no language has it
     */
    public String text(Locale language, String key) {
        String own = byLanguage.getOrDefault(language.getLanguage(), Map.of()).get(key);
        if (own != null) {
            return own;
        }
        return byLanguage.getOrDefault("en", Map.of()).getOrDefault(key, key);
    }

    /**
     * One text with its placeholders filled in; a placeholder without a value stays as it is.
     *
     * @param language the language
     * @param key      the key
     * @param values   the placeholder values
     * @return the text
     */
    public String render(Locale language, String key, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text(language, key));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
