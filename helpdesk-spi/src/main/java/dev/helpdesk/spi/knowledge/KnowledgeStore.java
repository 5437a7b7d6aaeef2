package dev.helpdesk.spi.knowledge;

import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.List;

/**
 * Where a tenant's knowledge-base articles are kept, with every version. The desk decides what
 * an edit, a publication or an archiving makes of an article; the store only keeps the result,
 * safely against concurrent writers.
 *
 * <p>The contract every implementation keeps:
 * <ul>
 *   <li>{@link #save(Article)} writes the whole article (its new versions, its published
 *       version, its archived flag, its revision) in one transaction, or nothing. It writes only
 *       over the revision the change was made from: an article of {@link Article#revision()}
 *       {@code r} replaces a stored revision {@code r - 1}; a new article has revision
 *       {@code versions().size()} and no stored one. Anything else is a
 *       {@link Rejection.ConcurrentModification} and writes nothing.</li>
 *   <li>Versions are never changed once saved: a save whose versions differ from the stored
 *       ones in any stored version is rejected ({@link Rejection.Invalid} on {@code versions}).</li>
 *   <li>What {@link #find} returns equals what was last saved (values, order, zones: instants
 *       read back as the same instants).</li>
 *   <li>Tenants are isolated: another tenant's article is {@link Option#none()} and never
 *       listed; saving an article under a tenant never touches another's.</li>
 *   <li>Infrastructure failures are {@link dev.helpdesk.spi.StoreException}s.</li>
 * </ul>
 * An in-memory implementation comes with the desk, a JDBC one with {@code helpdesk-jdbc};
 * {@code helpdesk-tck} holds the tests every implementation passes.
 */
public interface KnowledgeStore {

    /**
     * Saves an article's new state.
     *
     * @param article the article as the change made it
     * @return the article as stored, or {@link Rejection.ConcurrentModification} when the stored
     *         revision is not the one the change was made from, or {@link Rejection.Invalid} when
     *         the change would alter a stored version
     */
    Either<Rejection, Article> save(Article article);

    /**
     * Reads an article with every version. Costs one lookup by key.
     *
     * @param tenant the tenant
     * @param id     the article
     * @return the article, or none when the tenant has no such article
     */
    Option<Article> find(TenantId tenant, ArticleId id);

    /**
     * Lists a tenant's articles in the order of their ids, a page at a time, every status: a
     * search index is rebuilt from these.
     *
     * @param tenant the tenant
     * @param after  the last id of the previous page, or none for the first page
     * @param limit  the most articles to answer, 1 to 500
     * @return the next articles after {@code after}, at most {@code limit}; fewer only at the end
     * @throws IllegalArgumentException when the limit is out of range
     */
    List<Article> page(TenantId tenant, Option<ArticleId> after, int limit);

    /**
     * Finds the articles drafted from a source, so that a forum answer or a known error becomes
     * one article however often it is offered.
     *
     * @param tenant the tenant
     * @param origin the source
     * @return the articles whose latest version names that origin, in the order of their ids
     */
    List<Article> byOrigin(TenantId tenant, ArticleOrigin origin);
}
