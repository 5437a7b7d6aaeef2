package dev.helpdesk.core.knowledge;

import dev.helpdesk.spi.knowledge.Article;
import dev.helpdesk.spi.knowledge.ArticleId;
import dev.helpdesk.spi.knowledge.ArticleVariant;
import dev.helpdesk.spi.knowledge.ArticleVersion;
import dev.helpdesk.spi.knowledge.KnowledgeQuery;
import dev.helpdesk.spi.knowledge.KnowledgeSearch;
import dev.helpdesk.spi.knowledge.SearchHit;
import dev.helpdesk.spi.knowledge.Snippet;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A search for the core's tests: counts the query's lower-case words found in a published
 * variant's title and body. It records how often it was asked to index, so tests see the index
 * kept in step.
 */
final class WordSearch implements KnowledgeSearch {
    private record Key(TenantId tenant, ArticleId id) {
    }

    final Map<Key, Article> index = new ConcurrentHashMap<>();
    final List<ArticleId> indexed = new ArrayList<>();

    @Override
    public String name() {
        return "word-search";
    }

    @Override
    public synchronized void index(Article article) {
        indexed.add(article.id());
        if (article.published().isPresent()) {
            index.put(new Key(article.tenant(), article.id()), article);
        } else {
            index.remove(new Key(article.tenant(), article.id()));
        }
    }

    @Override
    public void remove(TenantId tenant, ArticleId id) {
        index.remove(new Key(tenant, id));
    }

    @Override
    public long rebuild(TenantId tenant, Iterable<Article> articles) {
        index.keySet().removeIf(k -> k.tenant().equals(tenant));
        articles.forEach(a -> {
            if (a.tenant().equals(tenant) && a.published().isPresent()) {
                index.put(new Key(tenant, a.id()), a);
            }
        });
        return index.keySet().stream().filter(k -> k.tenant().equals(tenant)).count();
    }

    @Override
    public Either<Rejection, List<SearchHit>> search(KnowledgeQuery query) {
        Set<String> words = Arrays.stream(query.text().value().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() > 2).collect(Collectors.toSet());
        List<SearchHit> hits = new ArrayList<>();
        for (Article a : index.values()) {
            if (!a.tenant().equals(query.tenant())) {
                continue;
            }
            ArticleVersion v = a.published().orElseThrow();
            if (!query.viewer().mayRead(v.content().visibility())) {
                continue;
            }
            Optional<ArticleVariant> variant = v.content().variantFor(query.locales());
            if (variant.isEmpty()) {
                continue;
            }
            String text = (variant.get().title() + " " + variant.get().body()).toLowerCase(Locale.ROOT);
            long score = words.stream().filter(text::contains).count();
            if (score > 0) {
                hits.add(new SearchHit(a.id(), variant.get().locale(), v.content().kind(), v.content().category(),
                        variant.get().title(), Snippet.EMPTY, score));
            }
        }
        hits.sort(Comparator.comparingDouble(SearchHit::score).reversed().thenComparing(SearchHit::id));
        return Either.right(hits.subList(0, Math.min(hits.size(), query.limit())));
    }
}
