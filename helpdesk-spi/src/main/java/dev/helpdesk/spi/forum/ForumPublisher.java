package dev.helpdesk.spi.forum;

import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import io.vavr.control.Either;

/**
 * Publishes an agent's answer in the host's forum. The forum is the host's; the desk only hands
 * the answer over.
 */
@FunctionalInterface
public interface ForumPublisher {

    /** A publisher that publishes nothing: the desk records answers only. */
    ForumPublisher NONE = (tenant, post, answer, agent) -> Either.right(post);

    /**
     * Publishes an answer under a post.
     *
     * @param tenant the tenant
     * @param post   the post
     * @param answer the answer's text
     * @param agent  the agent who wrote it
     * @return the post, or why the forum refused it (then the desk records nothing)
     */
    Either<Rejection, PostId> publish(TenantId tenant, PostId post, String answer, AgentId agent);
}
