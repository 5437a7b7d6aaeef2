package dev.helpdesk.bench.knowledge;

import dev.helpdesk.spi.knowledge.Article;
import dev.helpdesk.spi.knowledge.ArticleContent;
import dev.helpdesk.spi.knowledge.ArticleId;
import dev.helpdesk.spi.knowledge.ArticleKind;
import dev.helpdesk.spi.knowledge.ArticleVariant;
import dev.helpdesk.spi.knowledge.ArticleVersion;
import dev.helpdesk.spi.knowledge.ArticleVisibility;
import dev.helpdesk.spi.knowledge.ContentLocale;
import dev.helpdesk.spi.knowledge.KnowledgeQuery;
import dev.helpdesk.spi.knowledge.LocaleChain;
import dev.helpdesk.spi.knowledge.SearchText;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generated help articles for the knowledge benchmarks: the words of the relevance set's pages
 * ({@code helpdesk-search-lucene/src/test/resources/relevance}) drawn with a skewed (Zipf-like)
 * frequency into titles of 3–7 words and bodies of 40–90 words, a quarter of the articles in
 * each of English, Dutch, Spanish and Russian, with mixed categories and visibilities. The
 * queries are the relevance set's index-term queries of each language.
 */
final class GeneratedCorpus {
    static final TenantId TENANT = TenantId.of("bench");
    static final List<String> LANGUAGES = List.of("en", "nl", "es", "ru");
    private static final List<Category> CATEGORIES = Category.defaults();

    private GeneratedCorpus() {
    }

    static List<Article> articles(Path relevance, int count, long seed) {
        List<List<String>> words = new ArrayList<>();
        for (String language : LANGUAGES) {
            words.add(vocabulary(relevance.resolve("articles-" + language + ".txt")));
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Article> articles = new ArrayList<>(count);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            int l = i % LANGUAGES.size();
            List<String> vocabulary = words.get(l);
            String title = capitalize(text(vocabulary, 3 + random.nextInt(5), random));
            String body = text(vocabulary, 40 + random.nextInt(51), random) + ".";
            ArticleVisibility visibility = random.nextInt(10) == 0 ? ArticleVisibility.INTERNAL : ArticleVisibility.PUBLIC;
            ArticleContent content = ArticleContent.builder()
                    .kind(ArticleKind.values()[random.nextInt(ArticleKind.values().length)])
                    .category(CATEGORIES.get(random.nextInt(CATEGORIES.size())))
                    .visibility(visibility)
                    .addVariant(ArticleVariant.builder().locale(ContentLocale.of(LANGUAGES.get(l))).title(title).body(body).build())
                    .build();
            articles.add(Article.builder().tenant(TENANT).id(ArticleId.of(new UUID(0x0123_4567_89ABL, i)))
                    .addVersion(ArticleVersion.builder().number(1).author(Actor.agent("writer")).at(at).content(content).build())
                    .publishedVersion(1).revision(2).build());
        }
        return articles;
    }

    static List<KnowledgeQuery> queries(Path relevance) {
        List<KnowledgeQuery> queries = new ArrayList<>();
        for (String language : LANGUAGES) {
            for (String line : lines(relevance.resolve("queries-" + language + ".txt"))) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                queries.add(KnowledgeQuery.builder().tenant(TENANT).text(SearchText.of(line.split("\\|")[1].strip()))
                        .locales(LocaleChain.of(ContentLocale.of(language))).limit(10).build());
            }
        }
        return queries;
    }

    private static List<String> vocabulary(Path file) {
        List<String> words = new ArrayList<>();
        for (String line : lines(file)) {
            if (line.startsWith("#")) {
                continue;
            }
            String text = line.startsWith("@") ? line.substring(line.indexOf('|') + 1) : line;
            for (String w : text.split("[^\\p{L}\\p{N}.-]+")) {
                String word = w.replaceAll("^[.-]+|[.-]+$", "");
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    /** Words drawn with a skew towards the start of the list, so some words are frequent and most are rare. */
    private static String text(List<String> vocabulary, int n, SplittableRandom random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            int index = (int) (vocabulary.size() * u * u * u);
            if (i > 0) {
                out.append(' ');
            }
            out.append(vocabulary.get(Math.min(index, vocabulary.size() - 1)));
        }
        return out.toString();
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("no relevance set at " + file.toAbsolutePath()
                    + ": run from the repository root or pass -p relevance=<dir>", e);
        }
    }
}
