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

    /**
     * Runs the work as one unit with the ticket store it shares a database with: the commits of
     * the tickets the work makes and the writes of this port commit together or not at all, so
     * that a picked-up post never exists without its ticket, nor the ticket without it. A result that
     * {@code keep} refuses undoes every write of the work. The default runs the work as it is,
     * for a port whose writes cannot join the ticket store's (such as the in-memory ones, whose
     * only refusal the desk checks before the ticket is written).
     *
     * @param work the work
     * @param keep whether the work's result is kept
     * @param <T>  the result
     * @return the work's result
     */
    default <T> T unit(java.util.function.Supplier<T> work, java.util.function.Predicate<? super T> keep) {
        return work.get();
    }
}
