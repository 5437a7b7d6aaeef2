package dev.helpdesk.spi.escalation;

import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.sla.CustomerSegment;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.CustomField;
import dev.helpdesk.spi.ticket.Labels;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Tier;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What escalation rules may refer to on one desk: the built-in fields, the desk's custom
 * fields, the custom condition and action types it has installed, and its routing strategies.
 * {@link #check} rejects a rule that names anything else, or compares in a way that can never
 * make sense (a status above another, a priority that does not exist, a text field below a
 * number). Immutable; each {@code with…} returns a new vocabulary.
 */
public final class Vocabulary {
    /** The routing strategies every desk has. */
    public static final Set<String> BUILT_IN_STRATEGIES = Set.of("round-robin", "least-loaded", "skills");
    /** The prefix of custom field names in {@link Condition.Test#field()}. */
    public static final String FIELD_PREFIX = "field.";
    /** How deeply conditions may nest. */
    public static final int MAX_CONDITION_DEPTH = 16;
    /** The most actions one rule may have. */
    public static final int MAX_ACTIONS = 32;

    private static final Vocabulary STANDARD = new Vocabulary(Map.of(), Map.of(), Map.of(), BUILT_IN_STRATEGIES, false);
    private static final Vocabulary OPEN = new Vocabulary(Map.of(), Map.of(), Map.of(), BUILT_IN_STRATEGIES, true);

    private final Map<String, CustomField> fields;
    private final Map<String, ConditionType> conditionTypes;
    private final Map<String, ActionType> actionTypes;
    private final Set<String> strategies;
    /** Accepts custom names it does not know, for rules read before a desk sees them. */
    private final boolean open;

    private Vocabulary(Map<String, CustomField> fields, Map<String, ConditionType> conditionTypes,
                       Map<String, ActionType> actionTypes, Set<String> strategies, boolean open) {
        this.fields = fields;
        this.conditionTypes = conditionTypes;
        this.actionTypes = actionTypes;
        this.strategies = strategies;
        this.open = open;
    }

    /** The standard vocabulary that lets unknown custom fields, types and strategies pass. */
    static Vocabulary open() {
        return OPEN;
    }

    /**
     * The built-in fields and strategies, no custom fields or types.
     *
     * @return the standard vocabulary
     */
    public static Vocabulary standard() {
        return STANDARD;
    }

    /**
     * This vocabulary with more custom fields.
     *
     * @param more the fields; a name given twice keeps the last
     * @return the new vocabulary
     */
    public Vocabulary withFields(Collection<CustomField> more) {
        Map<String, CustomField> copy = new LinkedHashMap<>(fields);
        more.forEach(f -> copy.put(f.name(), f));
        return new Vocabulary(Map.copyOf(copy), conditionTypes, actionTypes, strategies, open);
    }

    /**
     * This vocabulary with more custom condition types.
     *
     * @param more the types
     * @return the new vocabulary
     */
    public Vocabulary withConditionTypes(Collection<? extends ConditionType> more) {
        Map<String, ConditionType> copy = new LinkedHashMap<>(conditionTypes);
        more.forEach(t -> copy.put(t.type(), t));
        return new Vocabulary(fields, Map.copyOf(copy), actionTypes, strategies, open);
    }

    /**
     * This vocabulary with more custom action types.
     *
     * @param more the types
     * @return the new vocabulary
     */
    public Vocabulary withActionTypes(Collection<? extends ActionType> more) {
        Map<String, ActionType> copy = new LinkedHashMap<>(actionTypes);
        more.forEach(t -> copy.put(t.type(), t));
        return new Vocabulary(fields, conditionTypes, Map.copyOf(copy), strategies, open);
    }

    /**
     * This vocabulary with more routing strategies.
     *
     * @param more the strategies' names
     * @return the new vocabulary
     */
    public Vocabulary withStrategies(Collection<String> more) {
        Set<String> copy = new HashSet<>(strategies);
        copy.addAll(more);
        return new Vocabulary(fields, conditionTypes, actionTypes, Set.copyOf(copy), open);
    }

    /**
     * A custom field by name.
     *
     * @param name the field's name, without {@link #FIELD_PREFIX}
     * @return the field, if the desk has it
     */
    public Optional<CustomField> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /**
     * The custom fields.
     *
     * @return the fields by name
     */
    public Map<String, CustomField> fields() {
        return fields;
    }

    /**
     * A custom condition type by name.
     *
     * @param type the name
     * @return the type, if installed
     */
    public Optional<ConditionType> conditionType(String type) {
        return Optional.ofNullable(conditionTypes.get(type));
    }

    /**
     * A custom action type by name.
     *
     * @param type the name
     * @return the type, if installed
     */
    public Optional<ActionType> actionType(String type) {
        return Optional.ofNullable(actionTypes.get(type));
    }

    /**
     * The routing strategies rules may name.
     *
     * @return their names
     */
    public Set<String> strategies() {
        return strategies;
    }

    /**
     * Checks a set of rules: each on its own, and their names unique.
     *
     * @param rules the rules, in the order they will run
     * @return the rules, or {@link Rejection.Invalid} naming every problem, prefixed with the
     *         rule's position ({@code rules[2].trigger.after})
     */
    public Either<Rejection, List<EscalationRule>> checkAll(List<EscalationRule> rules) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            EscalationRule rule = rules.get(i);
            String at = "rules[" + i + "]";
            if (rule == null) {
                errors.add(new FieldError(at, "is required"));
                continue;
            }
            for (FieldError e : problems(rule)) {
                errors.add(new FieldError(at + "." + e.field(), e.problem()));
            }
            if (!names.add(rule.name())) {
                errors.add(new FieldError(at + ".name", "another rule is named '" + rule.name() + "'"));
            }
        }
        return errors.isEmpty() ? Either.right(List.copyOf(rules)) : Either.left(new Rejection.Invalid(errors));
    }

    /**
     * Checks one rule.
     *
     * @param rule the rule
     * @return the rule, or {@link Rejection.Invalid} naming every problem by its path
     */
    public Either<Rejection, EscalationRule> check(EscalationRule rule) {
        List<FieldError> errors = problems(rule);
        return errors.isEmpty() ? Either.right(rule) : Either.left(new Rejection.Invalid(errors));
    }

    private List<FieldError> problems(EscalationRule rule) {
        List<FieldError> errors = new ArrayList<>();
        String nameProblem = Labels.problem(rule.name());
        if (nameProblem != null) {
            errors.add(new FieldError("name", nameProblem));
        }
        String reason = rule.reason();
        if (reason.isBlank() || reason.codePointCount(0, reason.length()) > EscalationRule.MAX_REASON_LENGTH
                || !isText(reason, false)) {
            // the reason goes into the history of every ticket the rule changes: one line, as tickets take it
            errors.add(new FieldError("reason", "must be one line of 1-" + EscalationRule.MAX_REASON_LENGTH
                    + " characters without control characters, line separators or broken characters"));
        }
        condition("condition", rule.condition(), 1, errors);
        if (rule.actions().isEmpty()) {
            errors.add(new FieldError("actions", "a rule does at least one thing"));
        } else if (rule.actions().size() > MAX_ACTIONS) {
            errors.add(new FieldError("actions", "at most " + MAX_ACTIONS + " actions"));
        }
        for (int i = 0; i < rule.actions().size(); i++) {
            action("actions[" + i + "]", rule.actions().get(i), errors);
        }
        return errors;
    }

    private void condition(String path, Condition condition, int depth, List<FieldError> errors) {
        if (condition == null) {
            errors.add(new FieldError(path, "is required"));
            return;
        }
        if (depth > MAX_CONDITION_DEPTH) {
            errors.add(new FieldError(path, "conditions nest at most " + MAX_CONDITION_DEPTH + " deep"));
            return;
        }
        if (condition instanceof Condition.All c) {
            for (int i = 0; i < c.conditions().size(); i++) {
                condition(path + ".all[" + i + "]", c.conditions().get(i), depth + 1, errors);
            }
        } else if (condition instanceof Condition.Any c) {
            for (int i = 0; i < c.conditions().size(); i++) {
                condition(path + ".any[" + i + "]", c.conditions().get(i), depth + 1, errors);
            }
        } else if (condition instanceof Condition.Not c) {
            condition(path + ".not", c.condition(), depth + 1, errors);
        } else if (condition instanceof Condition.Test t) {
            test(path, t, errors);
        } else if (condition instanceof Condition.Custom c) {
            ConditionType type = conditionTypes.get(c.type());
            if (type == null && open) {
                label(path + ".type", c.type(), errors);
            } else if (type == null) {
                errors.add(new FieldError(path + ".type", "unknown condition type '" + c.type() + "'"));
            } else {
                for (FieldError e : type.check(c.parameters())) {
                    errors.add(new FieldError(path + ".parameters." + e.field(), e.problem()));
                }
            }
        }
    }

    /** The kinds of fields a test can name, with what they accept. */
    private enum Kind {
        PRIORITY(true, false, EnumSet.of(Operator.IS), v -> parses(Priority.class, v), "a priority (LOW, NORMAL, HIGH, URGENT)"),
        TIER(true, false, EnumSet.of(Operator.IS), v -> parses(Tier.class, v), "a tier (L1, L2, L3, L4)"),
        STATUS(false, false, EnumSet.of(Operator.IS), v -> parses(Status.class, v), "a status (NEW, OPEN, PENDING, ON_HOLD, SOLVED, CLOSED, MERGED)"),
        CHANNEL(false, false, EnumSet.of(Operator.IS), Channel::isValid, "a channel code"),
        CATEGORY(false, false, EnumSet.of(Operator.IS, Operator.WITHIN), Category::isValid, "a category code"),
        GROUP(false, true, EnumSet.of(Operator.IS), v -> GroupId.parse(v).isRight(), "a group id"),
        ASSIGNEE(false, true, EnumSet.of(Operator.IS), v -> AgentId.parse(v).isRight(), "an agent id"),
        TAGS(false, false, EnumSet.of(Operator.HAS, Operator.HAS_ANY), Labels::isValid, "a tag"),
        SEGMENT(false, true, EnumSet.of(Operator.IS), CustomerSegment::isValid, "a customer segment"),
        REOPENS(true, false, EnumSet.of(Operator.IS), Vocabulary::isCount, "a count (0 or more)");

        final boolean ordered;
        final boolean optional;
        final Set<Operator> operators;
        final Predicate<String> valid;
        final String expected;

        Kind(boolean ordered, boolean optional, Set<Operator> operators, Predicate<String> valid, String expected) {
            this.ordered = ordered;
            this.optional = optional;
            this.operators = operators;
            this.valid = valid;
            this.expected = expected;
        }

        boolean allows(Operator op) {
            return operators.contains(op) || (ordered && op.isOrdering()) || (optional && op == Operator.PRESENT);
        }
    }

    private static final Map<String, Kind> KINDS = Map.of("priority", Kind.PRIORITY, "tier", Kind.TIER,
            "status", Kind.STATUS, "channel", Kind.CHANNEL, "category", Kind.CATEGORY, "group", Kind.GROUP,
            "assignee", Kind.ASSIGNEE, "tags", Kind.TAGS, "segment", Kind.SEGMENT, "reopens", Kind.REOPENS);

    /**
     * The built-in field names a {@link Condition.Test} may use, besides {@code field.<name>}.
     *
     * @return the names
     */
    public static Set<String> builtInFields() {
        return new LinkedHashSet<>(List.of("priority", "tier", "status", "channel", "category", "group", "assignee",
                "tags", "segment", "reopens"));
    }

    private void test(String path, Condition.Test t, List<FieldError> errors) {
        Operator op = t.operator();
        String field = t.field();
        if (field.startsWith(FIELD_PREFIX)) {
            customTest(path, t, field.substring(FIELD_PREFIX.length()), errors);
            return;
        }
        Kind kind = KINDS.get(field);
        if (kind == null) {
            errors.add(new FieldError(path + ".field", "unknown field '" + field + "'; known: "
                    + String.join(", ", builtInFields()) + " and field.<custom field>"));
            return;
        }
        if (!kind.allows(op)) {
            errors.add(new FieldError(path + ".operator", field + " cannot be compared with '" + op.code() + "'"
                    + (op.isOrdering() ? ": it has no order" : "")));
            return;
        }
        if (!arity(path, op, t.values(), errors)) {
            return;
        }
        for (int i = 0; i < t.values().size(); i++) {
            String v = t.values().get(i);
            if (v == null || !kind.valid.test(v)) {
                errors.add(new FieldError(path + ".values[" + i + "]", "'" + v + "' is not " + kind.expected));
            }
        }
    }

    private void customTest(String path, Condition.Test t, String name, List<FieldError> errors) {
        CustomField f = fields.get(name);
        if (f == null && open) {
            label(path + ".field", name, errors);
            arity(path, t.operator(), t.values(), errors);
            return;
        }
        if (f == null) {
            errors.add(new FieldError(path + ".field", "unknown custom field '" + name + "'"
                    + (fields.isEmpty() ? "; the desk declares none" : "; declared: " + String.join(", ", fields.keySet()))));
            return;
        }
        Operator op = t.operator();
        boolean allowed = op == Operator.IS || op == Operator.PRESENT || (op.isOrdering() && f.type().isOrdered());
        if (!allowed) {
            errors.add(new FieldError(path + ".operator", "custom field " + name + " (" + f.type().name().toLowerCase(java.util.Locale.ROOT)
                    + ") cannot be compared with '" + op.code() + "'"));
            return;
        }
        if (!arity(path, op, t.values(), errors)) {
            return;
        }
        for (int i = 0; i < t.values().size(); i++) {
            if (f.type().canonical(t.values().get(i)).isEmpty()) {
                errors.add(new FieldError(path + ".values[" + i + "]", "'" + t.values().get(i) + "' is not a "
                        + f.type().name().toLowerCase(java.util.Locale.ROOT) + " value"));
            }
        }
    }

    private static boolean arity(String path, Operator op, List<String> values, List<FieldError> errors) {
        if (op == Operator.PRESENT && !values.isEmpty()) {
            errors.add(new FieldError(path + ".values", "'present' takes no values"));
            return false;
        }
        if (op.isOrdering() && values.size() != 1) {
            errors.add(new FieldError(path + ".values", "'" + op.code() + "' compares with exactly one value"));
            return false;
        }
        if (op != Operator.PRESENT && values.isEmpty()) {
            errors.add(new FieldError(path + ".values", "'" + op.code() + "' needs at least one value"));
            return false;
        }
        return true;
    }

    private void action(String path, Action action, List<FieldError> errors) {
        if (action == null) {
            errors.add(new FieldError(path, "is required"));
        } else if (action instanceof Action.Route r) {
            r.strategy().filter(s -> open).ifPresent(s -> label(path + ".strategy", s, errors));
            r.strategy().filter(s -> !open && !strategies.contains(s)).ifPresent(s -> errors.add(new FieldError(path + ".strategy",
                    "unknown routing strategy '" + s + "'; known: " + String.join(", ", new java.util.TreeSet<>(strategies)))));
        } else if (action instanceof Action.NotifyRole n) {
            label(path + ".role", n.role(), errors);
        } else if (action instanceof Action.AddTag a) {
            label(path + ".tag", a.tag(), errors);
        } else if (action instanceof Action.AddNote n) {
            if (n.text().isBlank() || Message.utf8Length(n.text()) > Message.MAX_BODY_BYTES) {
                errors.add(new FieldError(path + ".text", "must be 1 to " + Message.MAX_BODY_BYTES + " bytes, not blank"));
            } else if (!isText(n.text(), true)) {
                // checked here as the ticket lifecycle checks a note's body, so the note cannot fail when the rule fires
                errors.add(new FieldError(path + ".text", "must not contain control characters (but line breaks and tabs)"
                        + " or broken characters"));
            }
        } else if (action instanceof Action.Custom c) {
            ActionType type = actionTypes.get(c.type());
            if (type == null && open) {
                label(path + ".type", c.type(), errors);
            } else if (type == null) {
                errors.add(new FieldError(path + ".type", "unknown action type '" + c.type() + "'"));
            } else {
                for (FieldError e : type.check(c.parameters())) {
                    errors.add(new FieldError(path + ".parameters." + e.field(), e.problem()));
                }
            }
        }
    }

    /**
     * Whether a text is what a ticket takes: no control characters (in a multi-line text line
     * breaks and tabs are fine), no line or paragraph separator in a one-line text, no unpaired
     * surrogate. The same rule the ticket lifecycle applies to messages and reasons.
     */
    private static boolean isText(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                return false;
            }
            if (!multiline && (c == '\u2028' || c == '\u2029')) {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static void label(String path, String value, List<FieldError> errors) {
        String problem = Labels.problem(value);
        if (problem != null) {
            errors.add(new FieldError(path, problem));
        }
    }

    private static <E extends Enum<E>> boolean parses(Class<E> type, String value) {
        try {
            Enum.valueOf(type, value);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private static boolean isCount(String value) {
        try {
            return Integer.parseInt(value) >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
