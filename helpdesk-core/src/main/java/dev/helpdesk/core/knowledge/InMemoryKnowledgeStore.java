package dev.helpdesk.core.knowledge;

import dev.helpdesk.spi.knowledge.Article;
import dev.helpdesk.spi.knowledge.ArticleId;
import dev.helpdesk.spi.knowledge.ArticleOrigin;
import dev.helpdesk.spi.knowledge.KnowledgeStore;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The knowledge store in memory: for tests, demos and hosts that keep their articles elsewhere.
 * Keeps the {@link KnowledgeStore} contract: a save is checked and applied under one lock per
 * tenant, so it is all or nothing and a stale revision never overwrites a newer one. Reads are
 * lock-free. Thread-safe.
 */
public final class InMemoryKnowledgeStore implements KnowledgeStore {
    private final Map<TenantId, ConcurrentNavigableMap<ArticleId, Article>> tenants = new ConcurrentHashMap<>();

    /** Makes an empty store. */
    public InMemoryKnowledgeStore() {
    }

    @Override
    public Either<Rejection, Article> save(Article article) {
        Objects.requireNonNull(article, "article");
        ConcurrentNavigableMap<ArticleId, Article> articles =
                tenants.computeIfAbsent(article.tenant(), t -> new ConcurrentSkipListMap<>());
        synchronized (articles) {
            Article stored = articles.get(article.id());
            Option<Rejection> problem = SaveCheck.problem(stored == null ? Option.none() : Option.of(stored), article);
            if (problem.isDefined()) {
                return Either.left(problem.get());
            }
            articles.put(article.id(), article);
            return Either.right(article);
        }
    }

    @Override
    public Option<Article> find(TenantId tenant, ArticleId id) {
        Objects.requireNonNull(id, "id");
        Map<ArticleId, Article> articles = tenants.get(Objects.requireNonNull(tenant, "tenant"));
        return articles == null ? Option.none() : Option.of(articles.get(id));
    }

    @Override
    public List<Article> page(TenantId tenant, Option<ArticleId> after, int limit) {
        SaveCheck.checkLimit(limit);
        ConcurrentNavigableMap<ArticleId, Article> articles = tenants.get(Objects.requireNonNull(tenant, "tenant"));
        if (articles == null) {
            return List.of();
        }
        Map<ArticleId, Article> rest = after.isDefined() ? articles.tailMap(after.get(), false) : articles;
        List<Article> page = new ArrayList<>(Math.min(limit, 64));
        for (Article a : rest.values()) {
            if (page.size() == limit) {
                break;
            }
            page.add(a);
        }
        return page;
    }

    @Override
    public List<Article> byOrigin(TenantId tenant, ArticleOrigin origin) {
        Objects.requireNonNull(origin, "origin");
        ConcurrentNavigableMap<ArticleId, Article> articles = tenants.get(Objects.requireNonNull(tenant, "tenant"));
        if (articles == null) {
            return List.of();
        }
        return articles.values().stream().filter(a -> a.latest().content().origin().filter(origin::equals).isPresent())
                .toList();
    }
}
