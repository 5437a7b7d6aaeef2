package dev.helpdesk.spi.problem;

import dev.helpdesk.spi.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a {@link DeveloperBridge} hands to the issue tracker: the problem as it stood when it was
 * handed off, with its impact.
 *
 * @param id          the hand-off's id, the same on every attempt (for the tracker's deduplication)
 * @param tenant      the tenant
 * @param problem     the problem
 * @param title       the problem's title
 * @param description what is seen
 * @param rootCause   the root cause, if known
 * @param workaround  the workaround, if any
 * @param impact      the impact when handed off
 * @param at          when it was handed off
 */
public record ProblemHandOff(UUID id, TenantId tenant, ProblemId problem, String title, String description,
                             Optional<String> rootCause, Optional<String> workaround, ProblemImpact impact, Instant at) {
    /**
     * Checks every part is present.
     *
     * @param id the hand-off's id, the same on every attempt (for the tracker's deduplication)
     * @param tenant the tenant
     * @param problem the problem
     * @param title the problem's title
     * @param description what is seen
     * @param rootCause the root cause, if known
     * @param workaround the workaround, if any
     * @param impact the impact when handed off
     * @param at when it was handed off
     */
    public ProblemHandOff {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(rootCause, "rootCause");
        Objects.requireNonNull(workaround, "workaround");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(at, "at");
    }
}
