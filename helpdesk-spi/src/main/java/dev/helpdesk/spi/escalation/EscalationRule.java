package dev.helpdesk.spi.escalation;

import dev.helpdesk.spi.internal.Configured;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

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
 */
@Value.Immutable
public abstract class EscalationRule {

    /** The longest reason, in characters (Unicode code points). */
    public static final int MAX_REASON_LENGTH = 500;

    EscalationRule() {
    }

    /**
     * The rule's name.
     *
     * @return a label unique within the desk
     */
    public abstract String name();

    /**
     * When it looks at a ticket.
     *
     * @return the trigger
     */
    public abstract Trigger trigger();

    /**
     * What must hold for its actions to happen.
     *
     * @return the condition; the default always holds
     */
    @Value.Default
    public Condition condition() {
        return Condition.always();
    }

    /**
     * What it does.
     *
     * @return the actions, in order, at least one
     */
    public abstract List<Action> actions();

    /**
     * Why, for the history and the notices.
     *
     * @return 1 to {@link #MAX_REASON_LENGTH} characters
     */
    public abstract String reason();

    /**
     * Starts a rule.
     *
     * @param name the rule's name, a label
     * @return a builder
     */
    public static Builder builder(String name) {
        Builder b = new Builder();
        if (name == null) {
            b.errors.add(new FieldError("name", "is required"));
        } else {
            b.name(name);
            b.label = "escalation rule \"" + name + "\"";
        }
        return b;
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
     * and types when it installs the rule. Never throws for bad data.
     *
     * @param values the values
     * @return the rule, or {@link Rejection.Invalid} naming every bad part by its path (such as
     *         {@code condition.all[1].operator})
     */
    public static Either<Rejection, EscalationRule> fromValues(Map<String, ?> values) {
        return PlainValues.read(values);
    }

    /**
     * Builds a rule in domain words; {@link #build()} checks it. The generated setters
     * ({@code name}, {@code trigger}, {@code condition}, {@code actions}, {@code reason}) are
     * available too and refuse a null at once. Not thread-safe.
     */
    public static final class Builder extends ImmutableEscalationRule.Builder {
        private final List<FieldError> errors = new ArrayList<>();
        private String label = "escalation rule";

        Builder() {
        }

        /**
         * Sets the trigger.
         *
         * @param value the trigger
         * @return this builder
         */
        public Builder on(Trigger value) {
            if (value == null) {
                errors.add(new FieldError("trigger", "is required"));
            } else {
                trigger(value);
            }
            return this;
        }

        /**
         * Sets the trigger to a kind of ticket event.
         *
         * @param value the event
         * @return this builder
         */
        public Builder on(TicketTrigger value) {
            if (value == null) {
                errors.add(new FieldError("trigger", "is required"));
                return this;
            }
            return on(new Trigger.OnEvent(value));
        }

        /**
         * Sets the condition (the default always holds).
         *
         * @param value the condition
         * @return this builder
         */
        public Builder when(Condition value) {
            if (value == null) {
                errors.add(new FieldError("condition", "is required"));
            } else {
                condition(value);
            }
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
            all.addAll(java.util.Arrays.asList(others));
            if (all.contains(null)) {
                errors.add(new FieldError("condition", "must not hold null"));
                return this;
            }
            return when(new Condition.All(all));
        }

        /**
         * Adds actions, run in the order added.
         *
         * @param more the actions
         * @return this builder
         */
        public Builder then(Action... more) {
            for (Action a : more) {
                if (a == null) {
                    errors.add(new FieldError("actions", "must not hold null"));
                } else {
                    addAction(a);
                }
            }
            return this;
        }

        /**
         * Makes the rule and checks everything but what only a desk knows: custom fields,
         * custom condition and action types and plugged-in routing strategies are checked to
         * be well-formed names here, and checked to exist when the desk installs the rule.
         *
         * @return the rule
         * @throws dev.helpdesk.spi.ConfigurationException naming every problem by its path
         */
        @Override
        public EscalationRule build() {
            return build(Vocabulary.open());
        }

        /**
         * Makes the rule and checks it fully against a desk's vocabulary
         * ({@code desk.escalationVocabulary()}).
         *
         * @param vocabulary the custom fields and types the rule may use
         * @return the rule
         * @throws dev.helpdesk.spi.ConfigurationException naming every problem by its path
         */
        public EscalationRule build(Vocabulary vocabulary) {
            return Configured.build(label, errors, () -> {
                Either<Rejection, EscalationRule> checked = vocabulary.check(unchecked());
                if (checked.isLeft()) {
                    Rejection r = checked.getLeft();
                    throw new dev.helpdesk.spi.ConfigurationException(label, r instanceof Rejection.Invalid invalid
                            ? invalid.errors() : List.of(new FieldError("rule", r.message())));
                }
                return checked.get();
            }, part -> switch (part) {
                case "name" -> name("refused") != null;
                case "trigger" -> trigger(new Trigger.OnEvent(TicketTrigger.OPENED)) != null;
                default -> false;
            });
        }

        /** The rule as given, checked only for its required parts: {@link PlainValues} checks it itself. */
        EscalationRule unchecked() {
            return super.build();
        }
    }
}
