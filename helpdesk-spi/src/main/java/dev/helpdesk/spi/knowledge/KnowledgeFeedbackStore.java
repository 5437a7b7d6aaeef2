package dev.helpdesk.spi.knowledge;

import dev.helpdesk.spi.tenant.TenantId;
import java.util.List;

/**
 * Where what readers and agents said about articles is kept: deflections, votes with their
 * comments, links in replies, tickets solved with an article.
 *
 * <p>The contract every implementation keeps: {@link #record} is idempotent by the feedback's
 * id (the second recording of an id changes nothing and answers false); {@link #stats} counts
 * exactly what was recorded; tenants are isolated; infrastructure failures are
 * {@link dev.helpdesk.spi.StoreException}s. An in-memory implementation comes with the desk, a
 * JDBC one with {@code helpdesk-jdbc}; {@code helpdesk-tck} holds the tests.
 */
public interface KnowledgeFeedbackStore {

    /**
     * Records one word about an article.
     *
     * @param feedback the feedback
     * @return true when it was recorded, false when its id was recorded before
     */
    boolean record(ArticleFeedback feedback);

    /**
     * Counts what was said about an article.
     *
     * @param tenant  the tenant
     * @param article the article
     * @return the counts; {@link ArticleStats#NONE} when nothing was said
     */
    ArticleStats stats(TenantId tenant, ArticleId article);

    /**
     * The latest words about an article, newest first, for the author to read the comments.
     *
     * @param tenant  the tenant
     * @param article the article
     * @param limit   the most to answer, 1 to 500
     * @return the feedback, newest first (by time, then id)
     * @throws IllegalArgumentException when the limit is out of range
     */
    List<ArticleFeedback> latest(TenantId tenant, ArticleId article, int limit);
}
