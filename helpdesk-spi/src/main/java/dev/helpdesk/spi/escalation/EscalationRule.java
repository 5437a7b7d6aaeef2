package dev.helpdesk.spi.escalation;

import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An escalation rule: when its {@link Trigger} occurs on a ticket and its {@link Condition}
 * holds, its {@link Action actions} happen, recorded in the ticket's history with the rule as
 * their actor and {@link dev.helpdesk.spi.ticket.TicketEvent.RuleFired} naming the rule, the
 * trigger and the reason.
 *
 * <p>A rule is data: {@link #toValues()} turns it into plain values (maps, lists, texts,
 * numbers, booleans) that a host can store as JSON or in its own tables and show in an admin
 * screen, and {@link #fromValues(Map)} reads them back. Make rules with {@link #builder}, which
 * checks them; the desk checks them again against its own custom fields and plugins when they
 * are installed. {@link Vocabulary#check} checks a rule against one desk at once.
 *
 * <p>How a desk runs rules: in the order it was given them; each rule at most once per ticket
 * and trigger key (see {@link Trigger}); a rule is never triggered by its own actions; and a
 * chain of rules reacting to each other's events stops at the desk's depth bound, recorded as
 * {@link dev.helpdesk.spi.ticket.TicketEvent.RuleSkipped}.
 *
 * @param name      the rule's name, a label unique within the desk
 * @param trigger   when it looks at a ticket
 * @param condition what must hold
 * @param actions   what it does, in order, at least one
 * @param reason    why, for the history and the notices: 1 to 500 characters
 */
public record EscalationRule(String name, Trigger trigger, Condition condition, List<Action> actions, String reason) {

    /** The longest reason, in characters. */
    public static final int MAX_REASON_LENGTH = 500;

    /** Checks the parts are present and freezes the actions; {@link Vocabulary#check} checks the rest. */
    public EscalationRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(condition, "condition");
        actions = List.copyOf(actions);
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * Starts a rule.
     *
     * @param name the rule's name, a label
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * This rule as plain values: a map with {@code name}, {@code reason}, {@code trigger},
     * {@code condition} and {@code actions}, holding only maps, lists, texts, integers and
     * booleans (durations as ISO-8601 texts such as {@code PT4H}).
     *
     * @return the values, in a stable key order
     */
    public Map<String, Object> toValues() {
        return PlainValues.write(this);
    }

    /**
     * Reads a rule from plain values made by {@link #toValues()} (or by a host's form), and
     * checks it with the standard vocabulary's structure rules; the desk checks custom fields
     * and types when it installs the rule.
     *
     * @param values the values
     * @return the rule, or {@link Rejection.Invalid} naming every bad part by its path (such as
     *         {@code condition.all[1].operator})
     */
    public static Either<Rejection, EscalationRule> fromValues(Map<String, ?> values) {
        return PlainValues.read(values);
    }

    /** Builds a rule; {@link #build()} checks it. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private Trigger trigger;
        private Condition condition = Condition.always();
        private final List<Action> actions = new ArrayList<>();
        private String reason;

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Sets the trigger.
         *
         * @param value the trigger
         * @return this builder
         */
        public Builder on(Trigger value) {
            trigger = value;
            return this;
        }

        /**
         * Sets the trigger to a kind of ticket event.
         *
         * @param value the event
         * @return this builder
         */
        public Builder on(TicketTrigger value) {
            return on(new Trigger.OnEvent(value));
        }

        /**
         * Sets the condition (the default always holds).
         *
         * @param value the condition
         * @return this builder
         */
        public Builder when(Condition value) {
            condition = value;
            return this;
        }

        /**
         * Sets the condition to all of some conditions.
         *
         * @param first  a condition
         * @param others more
         * @return this builder
         */
        public Builder when(Condition first, Condition... others) {
            List<Condition> all = new ArrayList<>();
            all.add(first);
            all.addAll(List.of(others));
            return when(new Condition.All(all));
        }

        /**
         * Adds actions, run in the order added.
         *
         * @param more the actions
         * @return this builder
         */
        public Builder then(Action... more) {
            actions.addAll(List.of(more));
            return this;
        }

        /**
         * Sets the reason.
         *
         * @param value why the rule exists, for the history and notices
         * @return this builder
         */
        public Builder reason(String value) {
            reason = value;
            return this;
        }

        /**
         * Makes the rule and checks everything but what only a desk knows: custom fields,
         * custom condition and action types and plugged-in routing strategies are checked to
         * be well-formed names here, and checked to exist when the desk installs the rule.
         *
         * @return the rule, or {@link Rejection.Invalid} naming every problem
         */
        public Either<Rejection, EscalationRule> build() {
            return build(Vocabulary.open());
        }

        /**
         * Makes the rule and checks it fully against a desk's vocabulary
         * ({@code desk.escalationVocabulary()}).
         *
         * @param vocabulary the custom fields and types the rule may use
         * @return the rule, or {@link Rejection.Invalid} naming every problem
         */
        public Either<Rejection, EscalationRule> build(Vocabulary vocabulary) {
            List<dev.helpdesk.spi.rejection.FieldError> missing = new ArrayList<>();
            if (name == null) {
                missing.add(new dev.helpdesk.spi.rejection.FieldError("name", "is required"));
            }
            if (trigger == null) {
                missing.add(new dev.helpdesk.spi.rejection.FieldError("trigger", "is required"));
            }
            if (condition == null) {
                missing.add(new dev.helpdesk.spi.rejection.FieldError("condition", "is required"));
            }
            if (reason == null) {
                missing.add(new dev.helpdesk.spi.rejection.FieldError("reason", "is required"));
            }
            if (actions.contains(null)) {
                missing.add(new dev.helpdesk.spi.rejection.FieldError("actions", "must not hold null"));
            }
            if (!missing.isEmpty()) {
                return Either.left(new Rejection.Invalid(missing));
            }
            return vocabulary.check(new EscalationRule(name, trigger, condition, actions, reason));
        }
    }
}
