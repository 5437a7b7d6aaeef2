package dev.helpdesk.core.visit;

import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Ticket;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether an on-site visit may be planned for a ticket. A technician on site is the
 * most expensive channel, so the default lets a visit be planned only after a remote session
 * was held on the ticket, or at once for the hardware category. A host replaces it on
 * {@link VisitSettings.Builder#policy}. The ticket decider asks it before deciding a plan, and a
 * refusal comes back as a {@link dev.helpdesk.spi.rejection.Rejection.NotAllowed} naming the
 * policy's reason; nothing is written.
 */
@FunctionalInterface
public interface VisitPolicy {

    /**
     * Why a visit may not be planned now, if it may not.
     *
     * @param ticket         the ticket as it is
     * @param remoteSessions how many remote sessions were started on it so far
     * @return the reason, in words; empty when a visit may be planned
     */
    Optional<String> refusal(Ticket ticket, int remoteSessions);

    /**
     * The default: after a remote session on the ticket, or for tickets of the hardware category.
     *
     * @return the policy
     */
    static VisitPolicy standard() {
        return afterRemoteSessionOr(Set.of(Category.HARDWARE));
    }

    /**
     * Visits only after a remote session on the ticket, or at once for tickets of the given
     * categories.
     *
     * @param categories the categories that may have a visit without a remote session first
     * @return the policy
     */
    static VisitPolicy afterRemoteSessionOr(Set<Category> categories) {
        Set<Category> direct = Set.copyOf(categories);
        return (ticket, remoteSessions) -> remoteSessions > 0 || direct.contains(ticket.category()) ? Optional.empty()
                : Optional.of("a visit is planned only after a remote session on the ticket"
                        + (direct.isEmpty() ? "" : " or for the categories " + new java.util.TreeSet<>(
                                direct.stream().map(Category::code).toList())));
    }

    /**
     * Visits whenever staff plan one.
     *
     * @return the policy
     */
    static VisitPolicy always() {
        return (ticket, remoteSessions) -> Optional.empty();
    }

    /**
     * This policy and another: a visit may be planned when both allow it.
     *
     * @param other the other policy
     * @return the combined policy, whose refusal is the first refusal
     */
    default VisitPolicy and(VisitPolicy other) {
        Objects.requireNonNull(other, "other");
        return (ticket, sessions) -> {
            Optional<String> first = refusal(ticket, sessions);
            return first.isPresent() ? first : other.refusal(ticket, sessions);
        };
    }
}
