package dev.helpdesk.core.internal.rules;

import dev.helpdesk.spi.escalation.ActionType;
import dev.helpdesk.spi.escalation.EscalationRule;
import dev.helpdesk.spi.escalation.TicketFacts;
import dev.helpdesk.spi.escalation.Vocabulary;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.sla.CustomerSegment;
import dev.helpdesk.spi.sla.CustomerSegments;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The desk's escalation rules, checked against its vocabulary and compiled: which rule an event
 * or the passing of time triggers, under which key, and whether its condition holds. Immutable;
 * the desk swaps the whole book when the host replaces the rules. It decides nothing about a
 * ticket by itself: the pipeline's rule step runs the rules a batch triggers.
 */
public final class RuleBook {
    /** The default bound on chains of rules reacting to rules. */
    public static final int DEFAULT_MAX_DEPTH = 5;
    /** The actor of the rule engine itself (skipped rules). */
    public static final Actor ENGINE = Actor.system("escalation");

    private final List<EscalationRule> definitions;
    private final List<Compiled> rules;
    private final List<Compiled> timedRules;
    private final Vocabulary vocabulary;
    private final CustomerSegments segments;
    private final int maxDepth;
    private final boolean segmentNeeded;

    /**
     * A rule ready to run.
     *
     * @param rule      the rule as defined
     * @param actor     the actor its events carry
     * @param condition its compiled condition
     */
    public record Compiled(EscalationRule rule, Actor actor, Predicate<TicketFacts> condition) {

        /**
         * The key an event gives this rule's trigger.
         *
         * @param event   the event
         * @param version the ticket's version after it
         * @return the key, or null when the event does not trigger the rule
         */
        public String keyFor(TicketEvent event, long version) {
            return Occasions.keyFor(rule.trigger(), event, version);
        }

        /**
         * The next occasion of this rule's timed trigger.
         *
         * @param ticket  the ticket's state
         * @param history its whole history
         * @return the key and due time, or null when the trigger is not timed or has no occasion
         */
        public Occasion timed(Ticket ticket, List<? extends TicketEvent> history) {
            Occasions.Timed t = Occasions.timed(rule.trigger(), ticket, history);
            return t == null ? null : new Occasion(t.key(), t.due());
        }
    }

    /**
     * A timed trigger's next occasion.
     *
     * @param key the idempotency key
     * @param due when it occurs
     */
    public record Occasion(String key, Instant due) {
    }

    private RuleBook(List<EscalationRule> definitions, Vocabulary vocabulary, CustomerSegments segments, int maxDepth) {
        this.definitions = List.copyOf(definitions);
        this.vocabulary = vocabulary;
        this.segments = segments;
        this.maxDepth = maxDepth;
        List<Compiled> compiled = new ArrayList<>();
        boolean segment = false;
        for (EscalationRule r : definitions) {
            compiled.add(new Compiled(r, actorOf(r.name()), Predicates.compile(r.condition(), vocabulary)));
            segment |= Predicates.needsSegment(r.condition());
        }
        this.rules = List.copyOf(compiled);
        this.timedRules = compiled.stream().filter(c -> c.rule().trigger().isTimed()).toList();
        this.segmentNeeded = segment;
    }

    /**
     * Checks and compiles rules.
     *
     * @param rules      the rules, in the order they run
     * @param vocabulary the desk's custom fields, condition and action types and strategies
     * @param segments   the customers' segments, for segment conditions
     * @param maxDepth   the bound on chains, 1 to 100
     * @return the book, or {@link Rejection.Invalid} naming every problem of the rules
     */
    public static Either<Rejection, RuleBook> of(List<EscalationRule> rules, Vocabulary vocabulary,
                                                 CustomerSegments segments, int maxDepth) {
        if (maxDepth < 1 || maxDepth > 100) {
            return Either.left(Rejection.Invalid.of("maxDepth", "must be 1-100"));
        }
        Objects.requireNonNull(segments, "segments");
        return vocabulary.checkAll(rules).map(checked -> new RuleBook(checked, vocabulary, segments, maxDepth));
    }

    /**
     * The same book with other rules.
     *
     * @param next the new rules, in the order they run
     * @return the new book, or {@link Rejection.Invalid} naming every problem
     */
    public Either<Rejection, RuleBook> withRules(List<EscalationRule> next) {
        return vocabulary.checkAll(next).map(checked -> new RuleBook(checked, vocabulary, segments, maxDepth));
    }

    /**
     * The actor a rule's events carry.
     *
     * @param rule the rule's name
     * @return {@code Actor.system("escalation:<rule>")}
     */
    public static Actor actorOf(String rule) {
        return Actor.system("escalation:" + rule);
    }

    /**
     * The rules as defined, in the order they run.
     *
     * @return the rules
     */
    public List<EscalationRule> definitions() {
        return definitions;
    }

    /**
     * The compiled rules, in the order they run.
     *
     * @return the rules
     */
    public List<Compiled> rules() {
        return rules;
    }

    /**
     * The compiled rules with a timed trigger (idle, unassigned, SLA).
     *
     * @return the rules
     */
    public List<Compiled> timedRules() {
        return timedRules;
    }

    /**
     * What rules may refer to.
     *
     * @return the vocabulary
     */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * The bound on chains of rules.
     *
     * @return the deepest level a rule may fire at
     */
    public int maxDepth() {
        return maxDepth;
    }

    /**
     * Whether there are no rules at all, so that the command path skips the rule step.
     *
     * @return true without rules
     */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * Whether any event of a batch triggers a rule, without reading anything.
     *
     * @param base   the ticket's version before the batch
     * @param events the batch
     * @return true when some rule's trigger matches some event
     */
    public boolean triggeredBy(long base, List<TicketEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            for (Compiled c : rules) {
                if (c.keyFor(events.get(i), base + i + 1) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The action type of a custom action, checked when the rule was defined.
     *
     * @param name the type's name
     * @return the type
     */
    public Optional<ActionType> actionType(String name) {
        return vocabulary.actionType(name);
    }

    /**
     * When a timed rule could next fire on a ticket: the earliest due occasion of a timed rule
     * that has not fired for it and whose condition holds now. Conditions change only with the
     * ticket's events, and every commit asks again.
     *
     * @param after   the ticket's state
     * @param history its whole history, read only when a timed rule exists
     * @return the time, or empty when no timed rule can fire
     */
    public Optional<Instant> nextDue(Ticket after, Supplier<List<TicketEvent>> history) {
        if (timedRules.isEmpty() || after.status().isFinal()) {
            return Optional.empty();
        }
        List<TicketEvent> all = history.get();
        TicketFacts facts = null;
        Instant next = null;
        for (Compiled c : timedRules) {
            Occasion t = c.timed(after, all);
            if (t == null || (next != null && !t.due().isBefore(next)) || fired(all, c.rule().name(), t.key())) {
                continue;
            }
            if (facts == null) {
                facts = Ledger.of(all).facts(after, segmentOf(after));
            }
            if (c.condition().test(facts)) {
                next = t.due();
            }
        }
        return Optional.ofNullable(next);
    }

    private static boolean fired(List<TicketEvent> history, String rule, String key) {
        for (TicketEvent e : history) {
            if (e instanceof TicketEvent.RuleFired f && f.rule().equals(rule) && f.trigger().equals(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The facts escalation conditions see for a ticket.
     *
     * @param ticket  the ticket
     * @param history its whole history
     * @return tags, custom field values, reopenings and the requester's segment
     */
    public TicketFacts facts(Ticket ticket, List<TicketEvent> history) {
        return Ledger.of(history).facts(ticket, Optional.ofNullable(segments.segmentOf(ticket.tenant(), ticket.requester()))
                .flatMap(s -> s));
    }

    /**
     * The requester's segment, looked up only when a rule's condition needs it.
     *
     * @param ticket the ticket
     * @return the segment, or empty
     */
    public Optional<CustomerSegment> segmentOf(Ticket ticket) {
        if (!segmentNeeded) {
            return Optional.empty();
        }
        return Objects.requireNonNullElse(segments.segmentOf(ticket.tenant(), ticket.requester()), Optional.empty());
    }

}
