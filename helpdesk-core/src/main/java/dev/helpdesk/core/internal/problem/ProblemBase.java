package dev.helpdesk.core.internal.problem;

import dev.helpdesk.core.internal.notice.Notices;
import dev.helpdesk.core.problem.HandOffRun;
import dev.helpdesk.core.problem.ProblemSettings;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.problem.DeveloperBridge;
import dev.helpdesk.spi.problem.HandOff;
import dev.helpdesk.spi.problem.Problem;
import dev.helpdesk.spi.problem.ProblemHandOff;
import dev.helpdesk.spi.problem.ProblemId;
import dev.helpdesk.spi.problem.ProblemImpact;
import dev.helpdesk.spi.problem.ProblemStore;
import dev.helpdesk.spi.sla.CustomerSegment;
import dev.helpdesk.spi.sla.CustomerSegments;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.IdGenerator;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketStore;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every tenant's problem desk shares: the store, the developer bridges, the settings, the
 * desk's clock and ids; computes impact and delivers hand-offs.
 */
public final class ProblemBase {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemBase.class);

    private final ProblemStore store;
    private final TicketStore tickets;
    private final List<DeveloperBridge> bridges;
    private final ProblemSettings settings;
    private final Clock clock;
    private final IdGenerator ids;
    private final Supplier<CustomerSegments> segments;
    private final Notices notices;

    /**
     * The shared parts.
     *
     * @param store    where problems are kept
     * @param tickets  the desk's ticket store
     * @param bridges  the developer bridges installed, in order
     * @param settings the settings
     * @param clock    the desk's clock
     * @param ids      the desk's ids
     * @param segments the customer segments in force
     * @param notices  the desk's notices, to tell customers of a fix
     */
    public ProblemBase(ProblemStore store, TicketStore tickets, List<DeveloperBridge> bridges, ProblemSettings settings,
                       Clock clock, IdGenerator ids, Supplier<CustomerSegments> segments, Notices notices) {
        this.store = Objects.requireNonNull(store, "store");
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        this.bridges = List.copyOf(bridges);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.segments = Objects.requireNonNull(segments, "segments");
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    /** @return the store */
    public ProblemStore store() {
        return store;
    }

    /** @return the ticket store */
    public TicketStore tickets() {
        return tickets;
    }

    /** @return the desk's notices */
    public Notices notices() {
        return notices;
    }

    /** @return the settings */
    public ProblemSettings settings() {
        return settings;
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    /** @return the id generator */
    public IdGenerator ids() {
        return ids;
    }

    /** @return whether a developer bridge is installed */
    public boolean hasBridge() {
        return !bridges.isEmpty();
    }

    /**
     * A problem's impact from its linked tickets as they stand.
     *
     * @param tenant  the tenant
     * @param problem the problem
     * @return the impact
     */
    public ProblemImpact impact(TenantId tenant, ProblemId problem) {
        List<TicketId> linked = store.linkedTickets(tenant, problem);
        int unsolved = 0;
        Set<CustomerId> customers = new HashSet<>();
        Map<String, Set<CustomerId>> bySegment = new HashMap<>();
        Map<String, Integer> byCategory = new TreeMap<>();
        CustomerSegments lookup = segments.get();
        for (TicketId id : linked) {
            Optional<Ticket> found = tickets.find(tenant, id).toJavaOptional();
            if (found.isEmpty()) {
                continue;
            }
            Ticket t = found.get();
            if (t.status() != Status.SOLVED && t.status() != Status.CLOSED && t.status() != Status.MERGED) {
                unsolved++;
            }
            customers.add(t.requester());
            String segment = lookup.segmentOf(tenant, t.requester()).map(CustomerSegment::code).orElse("");
            bySegment.computeIfAbsent(segment, k -> new HashSet<>()).add(t.requester());
            byCategory.merge(t.category().code(), 1, Integer::sum);
        }
        Map<String, Integer> segmentCounts = new TreeMap<>();
        bySegment.forEach((k, v) -> segmentCounts.put(k, v.size()));
        return new ProblemImpact(linked.size(), unsolved, customers.size(), new TreeMap<>(segmentCounts),
                new TreeMap<>(byCategory));
    }

    /**
     * Delivers due hand-offs to the developer bridges: each claimed hand-off is built from its
     * problem as it is now and given to every bridge in order; all took it → delivered with the
     * first bridge's reference (and the problem keeps it); one threw → pending again after the
     * back-off, or dead after the last attempt.
     *
     * @param now   the current time
     * @param limit the most hand-offs to handle
     * @return what happened
     */
    public HandOffRun deliver(Instant now, int limit) {
        if (bridges.isEmpty()) {
            return new HandOffRun(0, 0, 0);
        }
        int delivered = 0;
        int retried = 0;
        int dead = 0;
        for (HandOff h : store.claimHandOffs(now, limit, settings.lease())) {
            Optional<Problem> problem = store.find(h.tenant(), h.problem());
            if (problem.isEmpty()) {
                store.recordAttempt(new HandOff(h.id(), h.tenant(), h.problem(), h.requestedAt(), HandOff.State.DEAD,
                        h.attempts() + 1, now, Optional.empty(), Optional.of("the problem is gone")));
                dead++;
                continue;
            }
            Problem p = problem.get();
            ProblemHandOff out = new ProblemHandOff(h.id(), h.tenant(), p.id(), p.title(), p.description(), p.rootCause(),
                    p.workaround(), impact(h.tenant(), p.id()), h.requestedAt());
            String reference = null;
            Exception failure = null;
            for (DeveloperBridge bridge : bridges) {
                try {
                    String r = bridge.handOff(out);
                    if (reference == null) {
                        reference = r;
                    }
                } catch (Exception e) {
                    failure = e;
                    LOG.warn("developer bridge {} failed on hand-off {} of problem {} (attempt {})", bridge.name(), h.id(),
                            p.id(), h.attempts() + 1, e);
                    break;
                }
            }
            if (failure == null) {
                store.recordAttempt(new HandOff(h.id(), h.tenant(), h.problem(), h.requestedAt(), HandOff.State.DELIVERED,
                        h.attempts(), now, Optional.ofNullable(reference), h.lastError()));
                if (reference != null) {
                    keepReference(p, reference);
                }
                delivered++;
            } else {
                int attempts = h.attempts() + 1;
                boolean last = attempts >= settings.maxAttempts();
                String error = String.valueOf(failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage());
                store.recordAttempt(new HandOff(h.id(), h.tenant(), h.problem(), h.requestedAt(),
                        last ? HandOff.State.DEAD : HandOff.State.PENDING, attempts,
                        last ? now : now.plus(settings.backoff(attempts)), Optional.empty(),
                        Optional.of(error.length() > HandOff.MAX_ERROR ? error.substring(0, HandOff.MAX_ERROR) : error)));
                if (last) {
                    dead++;
                } else {
                    retried++;
                }
            }
        }
        return new HandOffRun(delivered, retried, dead);
    }

    private void keepReference(Problem p, String reference) {
        // the problem may have changed meanwhile: re-read and retry a few times
        Problem current = p;
        for (int i = 0; i < 5; i++) {
            if (current.trackerReference().equals(Optional.of(reference))) {
                return;
            }
            Problem next = Problem.builder().from(current).trackerReference(reference).updatedAt(clock.instant())
                    .revision(current.revision() + 1).build();
            if (store.update(next).isRight()) {
                return;
            }
            Optional<Problem> again = store.find(p.tenant(), p.id());
            if (again.isEmpty()) {
                return;
            }
            current = again.get();
        }
        LOG.warn("could not keep the tracker reference {} on problem {}", reference, p.id());
    }

}
