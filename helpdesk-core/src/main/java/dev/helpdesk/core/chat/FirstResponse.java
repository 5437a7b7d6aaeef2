package dev.helpdesk.core.chat;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a chat's first response stands against chat's own target.
 *
 * @param target   the target
 * @param took     how long the customer waited for an agent's first line; empty while no agent
 *                 has written
 * @param breached whether the target was missed: the first line came too late, or none has come
 *                 and the target has passed
 */
public record FirstResponse(Duration target, Optional<Duration> took, boolean breached) {
    /**
     * Checks the parts.
     *
     * @param target the target
     * @param took how long the customer waited for an agent's first line; empty while no agent has written
     * @param breached whether the target was missed: the first line came too late, or none has come and the target has passed
     */
    public FirstResponse {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(took, "took");
    }
}
