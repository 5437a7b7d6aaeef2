package dev.helpdesk.spi.knowledge;

import dev.helpdesk.spi.plugin.HelpdeskPlugin;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import io.vavr.control.Either;
import java.util.List;

/**
 * Finds knowledge-base articles by their words: the plugin behind the portal's search box, the
 * suggestions while a ticket is written and an agent's article picker. Implementations:
 * {@code helpdesk-search-lucene} (an index on the host's disk or in memory) and PostgreSQL
 * full-text search in {@code helpdesk-jdbc}; {@code helpdesk-tck}'s
 * {@code KnowledgeSearchContract} states what each must do.
 *
 * <p>The index holds what readers may find: the {@link Article#published() published version}
 * of each article, every locale variant of it (title, body and media transcripts). The desk
 * keeps it in step by calling {@link #index(Article)} and {@link #remove} after each committed
 * change (from its outbox, so at least once: both are idempotent), and a host rebuilds it from
 * its {@link KnowledgeStore} with {@link #rebuild}.
 *
 * <p>Search never throws for what a reader typed: the {@link SearchText} is words, never a query
 * language, and words that analyse to nothing (punctuation alone) find nothing. Infrastructure
 * failures (a broken index directory) are {@link dev.helpdesk.spi.StoreException}s. Every method
 * is safe to call from several threads at once.
 */
public interface KnowledgeSearch extends HelpdeskPlugin {

    /**
     * Puts an article's published version in the index, replacing what the index held for it.
     * A draft that was never published, or an archived article, is removed instead. Visible to
     * searches once this method returns.
     *
     * @param article the article as stored
     */
    void index(Article article);

    /**
     * Takes an article out of the index; nothing happens when it is not there.
     *
     * @param tenant the tenant
     * @param id     the article
     */
    void remove(TenantId tenant, ArticleId id);

    /**
     * Replaces everything the index holds for a tenant with the given articles (each indexed
     * as by {@link #index(Article)}). Searches during the rebuild see the old index until the
     * new one is complete.
     *
     * @param tenant   the tenant
     * @param articles every article of that tenant, read once, in any order; articles of other
     *                 tenants are skipped
     * @return how many articles the index now holds for the tenant
     */
    long rebuild(TenantId tenant, Iterable<Article> articles);

    /**
     * Finds the articles that match a query, best first.
     *
     * @param query the words, the viewer, the locale chain and the filters
     * @return at most {@link KnowledgeQuery#limit()} hits, best first, each article once;
     *         empty when nothing matches; a {@link Rejection} only for a query the
     *         implementation cannot run (such as a filter it does not support), never for the
     *         words themselves
     */
    Either<Rejection, List<SearchHit>> search(KnowledgeQuery query);
}
