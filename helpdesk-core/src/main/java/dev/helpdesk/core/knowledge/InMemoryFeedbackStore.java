package dev.helpdesk.core.knowledge;

import dev.helpdesk.spi.knowledge.ArticleFeedback;
import dev.helpdesk.spi.knowledge.ArticleId;
import dev.helpdesk.spi.knowledge.ArticleStats;
import dev.helpdesk.spi.knowledge.KnowledgeFeedbackStore;
import dev.helpdesk.spi.tenant.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What readers and agents said about articles, in memory: for tests, demos and hosts that do
 * not need durability. Thread-safe.
 */
public final class InMemoryFeedbackStore implements KnowledgeFeedbackStore {
    private record Key(TenantId tenant, ArticleId article) {
    }

    private final Map<Key, List<ArticleFeedback>> feedback = new ConcurrentHashMap<>();
    private final Set<UUID> seen = new HashSet<>();

    /** Makes an empty store. */
    public InMemoryFeedbackStore() {
    }

    @Override
    public boolean record(ArticleFeedback f) {
        Objects.requireNonNull(f, "feedback");
        synchronized (seen) {
            if (!seen.add(f.id())) {
                return false;
            }
            feedback.computeIfAbsent(new Key(f.tenant(), f.article()), k -> new ArrayList<>()).add(f);
            return true;
        }
    }

    @Override
    public ArticleStats stats(TenantId tenant, ArticleId article) {
        ArticleStats stats = ArticleStats.NONE;
        synchronized (seen) {
            for (ArticleFeedback f : feedback.getOrDefault(new Key(tenant, article), List.of())) {
                stats = stats.plus(f.kind());
            }
        }
        return stats;
    }

    @Override
    public List<ArticleFeedback> latest(TenantId tenant, ArticleId article, int limit) {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("1-500 entries, not " + limit);
        }
        List<ArticleFeedback> all;
        synchronized (seen) {
            all = new ArrayList<>(feedback.getOrDefault(new Key(tenant, article), List.of()));
        }
        all.sort(Comparator.comparing(ArticleFeedback::at).thenComparing(ArticleFeedback::id).reversed());
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }
}
