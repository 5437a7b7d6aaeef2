package dev.helpdesk.core.problem;

import dev.helpdesk.spi.problem.HandOff;
import dev.helpdesk.spi.problem.Problem;
import dev.helpdesk.spi.problem.ProblemId;
import dev.helpdesk.spi.problem.ProblemLinks;
import dev.helpdesk.spi.problem.ProblemStatus;
import dev.helpdesk.spi.problem.ProblemStore;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Page;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.TicketStore;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Problems kept in memory, beside any ticket store: the links to tickets are read from that
 * store's histories (every ticket of the tenant, each time: right for the in-memory store and
 * tests; a database store answers with a query). Thread-safe (one lock).
 */
public final class InMemoryProblemStore implements ProblemStore {
    private final TicketStore tickets;
    private final Map<Key, Problem> problems = new LinkedHashMap<>();
    private final Map<UUID, HandOff> handOffs = new LinkedHashMap<>();

    private record Key(TenantId tenant, ProblemId id) {
    }

    /**
     * A store whose links come from a ticket store's histories.
     *
     * @param tickets the ticket store the desk commits to
     */
    public InMemoryProblemStore(TicketStore tickets) {
        this.tickets = Objects.requireNonNull(tickets, "tickets");
    }

    @Override
    public synchronized Either<Rejection, Problem> insert(Problem problem) {
        Key key = new Key(problem.tenant(), problem.id());
        if (problems.containsKey(key)) {
            return Either.left(Rejection.Invalid.of("id", "problem " + problem.id() + " exists already"));
        }
        if (problem.revision() != 1) {
            throw new IllegalArgumentException("a new problem is at revision 1, not " + problem.revision());
        }
        problems.put(key, problem);
        return Either.right(problem);
    }

    @Override
    public synchronized Either<Rejection, Problem> update(Problem problem) {
        Key key = new Key(problem.tenant(), problem.id());
        Problem stored = problems.get(key);
        if (stored == null) {
            return Either.left(new Rejection.NotFound("problem", problem.id().toString()));
        }
        if (stored.revision() != problem.revision() - 1) {
            return Either.left(new Rejection.ConcurrentModification("problem", problem.id().toString(),
                    problem.revision() - 1, stored.revision()));
        }
        problems.put(key, problem);
        return Either.right(problem);
    }

    @Override
    public synchronized Either<Rejection, Problem> update(Problem problem, HandOff handOff) {
        if (!handOff.tenant().equals(problem.tenant()) || !handOff.problem().equals(problem.id())) {
            throw new IllegalArgumentException("the hand-off " + handOff.id() + " is not of problem " + problem.id());
        }
        if (handOffs.containsKey(handOff.id())) {
            return Either.left(Rejection.Invalid.of("hand-off", "hand-off " + handOff.id() + " exists already"));
        }
        return update(problem).peek(p -> handOffs.put(handOff.id(), handOff));
    }

    @Override
    public synchronized Optional<Problem> find(TenantId tenant, ProblemId id) {
        return Optional.ofNullable(problems.get(new Key(tenant, id)));
    }

    @Override
    public synchronized List<Problem> list(TenantId tenant, Set<ProblemStatus> status, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("1-1000 problems, not " + limit);
        }
        return problems.values().stream()
                .filter(p -> p.tenant().equals(tenant) && (status.isEmpty() || status.contains(p.status())))
                .sorted(Comparator.comparing(Problem::createdAt).thenComparing(p -> p.id().value()).reversed())
                .limit(limit).toList();
    }

    @Override
    public List<TicketId> linkedTickets(TenantId tenant, ProblemId problem) {
        List<TicketId> linked = new ArrayList<>();
        Optional<PageRequest> next = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
        while (next.isPresent()) {
            Page p = tickets.list(tenant, TicketQuery.all(), next.get());
            for (Ticket t : p.items()) {
                List<RecordedEvent> history = tickets.history(tenant, t.id());
                if (ProblemLinks.current(history.stream().map(RecordedEvent::event).toList()).contains(problem.value())) {
                    linked.add(t.id());
                }
            }
            next = p.next();
        }
        linked.sort(Comparator.comparing(TicketId::value));
        return linked;
    }

    @Override
    public synchronized List<HandOff> claimHandOffs(Instant now, int limit, Duration lease) {
        if (limit < 1) {
            throw new IllegalArgumentException("at least one hand-off, not " + limit);
        }
        List<HandOff> due = handOffs.values().stream()
                .filter(h -> h.state() == HandOff.State.PENDING && !h.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(HandOff::nextAttemptAt).thenComparing(HandOff::id))
                .limit(limit).toList();
        for (HandOff h : due) {
            handOffs.put(h.id(), new HandOff(h.id(), h.tenant(), h.problem(), h.requestedAt(), h.state(), h.attempts(),
                    now.plus(lease), h.reference(), h.lastError()));
        }
        return due;
    }

    @Override
    public synchronized void recordAttempt(HandOff outcome) {
        if (!handOffs.containsKey(outcome.id())) {
            throw new IllegalArgumentException("no hand-off " + outcome.id());
        }
        handOffs.put(outcome.id(), outcome);
    }

    @Override
    public synchronized List<HandOff> handOffs(TenantId tenant, ProblemId problem) {
        return handOffs.values().stream().filter(h -> h.tenant().equals(tenant) && h.problem().equals(problem))
                .sorted(Comparator.comparing(HandOff::requestedAt).thenComparing(HandOff::id)).toList();
    }
}
