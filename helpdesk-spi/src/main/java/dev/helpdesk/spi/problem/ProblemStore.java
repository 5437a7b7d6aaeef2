package dev.helpdesk.spi.problem;

import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.TicketId;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;

/**
 * Where problems are kept. The in-memory store and the JDBC store ({@code JdbcTicketStore.problems()})
 * implement it.
 *
 * <p>The contract, checked by the TCK's {@code ProblemStoreContract}:
 * <ul>
 *   <li>{@link #insert} keeps a new problem at its revision 1; an id already kept is refused with
 *       {@link Rejection.Invalid} on {@code id}.</li>
 *   <li>{@link #update} keeps the next revision only when the stored one is {@code revision - 1}:
 *       else {@link Rejection.ConcurrentModification} and nothing written (two concurrent
 *       changes of one revision: exactly one wins); {@link Rejection.NotFound} for an unknown id.</li>
 *   <li>{@link #linkedTickets} answers from the ticket histories of the same store: the tickets
 *       whose latest {@code problem_linked}/{@code problem_unlinked} event for this problem is a
 *       link. So the links are written with the ticket's events, in its commit, and can never
 *       disagree with the history.</li>
 *   <li>A hand-off is kept with the problem's change or not at all; {@link #claimHandOffs}
 *       answers each pending due hand-off to one caller until its lease ends.</li>
 *   <li>Every call names its tenant; nothing of another tenant is read or changed.</li>
 * </ul>
 */
public interface ProblemStore {

    /**
     * Keeps a new problem.
     *
     * @param problem the problem, at revision 1
     * @return the problem kept, or an invalid id when a problem with that id exists
     */
    Either<Rejection, Problem> insert(Problem problem);

    /**
     * Keeps a problem's next revision.
     *
     * @param problem the problem as it is now; its revision is one more than the one it was based on
     * @return the problem kept; not found; a concurrent modification
     */
    Either<Rejection, Problem> update(Problem problem);

    /**
     * Keeps a problem's next revision and a hand-off to the developers, in one write: both or
     * neither (the same checks as {@link #update}).
     *
     * @param problem the problem as it is now
     * @param handOff the hand-off to keep, {@link HandOff.State#PENDING}
     * @return the problem kept; not found; a concurrent modification
     */
    Either<Rejection, Problem> update(Problem problem, HandOff handOff);

    /**
     * Claims pending hand-offs that are due, oldest first: each claimed one is due again only
     * after the lease, so that two deliverers (also in two processes on one database) do not
     * take the same hand-off at the same time.
     *
     * @param now   the current time
     * @param limit the most to claim, at least 1
     * @param lease how long a claim holds
     * @return the claimed hand-offs, as they were before the claim
     */
    List<HandOff> claimHandOffs(java.time.Instant now, int limit, java.time.Duration lease);

    /**
     * Records the outcome of a delivery attempt: the hand-off as it is after it (delivered with
     * the tracker's reference; pending again with one more attempt and its next time; dead).
     *
     * @param outcome the hand-off after the attempt, same id
     */
    void recordAttempt(HandOff outcome);

    /**
     * The hand-offs of a problem, oldest first.
     *
     * @param tenant  the tenant
     * @param problem the problem
     * @return its hand-offs in every state
     */
    List<HandOff> handOffs(TenantId tenant, ProblemId problem);

    /**
     * One problem.
     *
     * @param tenant the tenant
     * @param id     the problem
     * @return the problem, or empty when the tenant has none with that id
     */
    Optional<Problem> find(TenantId tenant, ProblemId id);

    /**
     * A tenant's problems, newest first (by creation, then id).
     *
     * @param tenant the tenant
     * @param status only problems in these statuses; empty for all
     * @param limit  the most to answer, 1 to 1000
     * @return the problems
     */
    List<Problem> list(TenantId tenant, java.util.Set<ProblemStatus> status, int limit);

    /**
     * The tickets linked to a problem now, ordered by id.
     *
     * @param tenant  the tenant
     * @param problem the problem
     * @return the tickets, empty for an unknown problem
     */
    List<TicketId> linkedTickets(TenantId tenant, ProblemId problem);
}
