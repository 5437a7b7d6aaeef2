package dev.helpdesk.spi.forum;

import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.List;

/**
 * Where the desk tracks forum posts. The desk ships one in memory. Rules: a save is of a new
 * post at version 1 or of the next version, else {@link Rejection.ConcurrentModification} and
 * nothing written; tenants never see each other's posts; safe for concurrent use.
 */
public interface ForumStore {

    /**
     * Saves a post.
     *
     * @param tenant the tenant
     * @param post   the post
     * @return the post, or the conflict
     */
    Either<Rejection, ForumPost> save(TenantId tenant, ForumPost post);

    /**
     * Reads a post.
     *
     * @param tenant the tenant
     * @param id     the post
     * @return the post, or none
     */
    Option<ForumPost> find(TenantId tenant, PostId id);

    /**
     * The posts still unanswered that were posted before a time, oldest first.
     *
     * @param tenant the tenant
     * @param before the time, exclusive
     * @return the posts
     */
    List<ForumPost> unansweredBefore(TenantId tenant, Instant before);
}
