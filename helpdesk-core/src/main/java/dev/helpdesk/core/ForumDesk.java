package dev.helpdesk.core;

import dev.helpdesk.core.forum.PostReport;
import dev.helpdesk.core.internal.forum.Forum;
import dev.helpdesk.spi.forum.ForumPost;
import dev.helpdesk.spi.forum.PostId;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import io.vavr.control.Either;
import java.util.List;

/**
 * A tenant's community forum, as the desk watches it. The host's forum reports each new post
 * ({@link #report}) and each post the community answered ({@link #communityAnswered}). A post
 * still unanswered after the configured time becomes a ticket on the community-forum channel
 * linked to the post ({@link #sweep}, which the host calls regularly; a post becomes one ticket
 * even when sweeps overlap). An agent's answer is published back to the forum through the
 * {@link dev.helpdesk.spi.forum.ForumPublisher} and posted on the ticket ({@link #answer}); when
 * the author accepts it ({@link #accept}) the question and answer are offered to
 * {@link dev.helpdesk.spi.forum.KnowledgeCandidates} as a candidate knowledge-base article.
 *
 * <p>Bad input gets a {@link Rejection} and changes nothing: a report naming every bad part, an
 * unknown post, an answer to a post answered already, an acceptance of a post no agent answered
 * or by another customer.
 */
public final class ForumDesk {
    private final Forum forum;
    private final TenantId tenant;

    ForumDesk(Forum forum, TenantId tenant) {
        this.forum = forum;
        this.tenant = tenant;
    }

    /**
     * The forum reports a new post.
     *
     * @param report the post
     * @param actor  the forum's integration
     * @return the tracked post
     */
    public Either<Rejection, ForumPost> report(PostReport report, Actor actor) {
        return forum.report(tenant, report, actor);
    }

    /**
     * The forum reports that the community answered a post; the desk will not pick it up.
     *
     * @param id the post
     * @return the post
     */
    public Either<Rejection, ForumPost> communityAnswered(PostId id) {
        return forum.communityAnswered(tenant, id);
    }

    /**
     * Picks up the posts unanswered for longer than the configured time as tickets.
     *
     * @return the posts picked up now
     */
    public List<ForumPost> sweep() {
        return forum.sweep(tenant);
    }

    /**
     * An agent answers a post.
     *
     * @param id     the post
     * @param answer the answer
     * @param agent  the agent
     * @return the answered post
     */
    public Either<Rejection, ForumPost> answer(PostId id, String answer, Actor agent) {
        return forum.answer(tenant, id, answer, agent);
    }

    /**
     * The author (or staff) accepts the agent's answer.
     *
     * @param id    the post
     * @param actor the author or staff
     * @return the accepted post
     */
    public Either<Rejection, ForumPost> accept(PostId id, Actor actor) {
        return forum.accept(tenant, id, actor);
    }

    /**
     * Reads a tracked post.
     *
     * @param id the post
     * @return the post, or not found
     */
    public Either<Rejection, ForumPost> get(PostId id) {
        return forum.find(tenant, id);
    }
}
