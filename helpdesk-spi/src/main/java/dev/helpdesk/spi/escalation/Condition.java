package dev.helpdesk.spi.escalation;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What must hold of a ticket for an {@link EscalationRule} to act when its trigger occurs:
 * comparisons on the ticket's fields, combined with all / any / not, and custom conditions a
 * host plugs in. Conditions are data: they name fields and values as text, so a host can store
 * them and edit them in a form; the desk checks them when a rule is defined.
 *
 * <p>The fields a {@link Test} can name:
 * <table>
 *   <caption>Fields and operators</caption>
 *   <tr><th>field</th><th>values</th><th>operators</th></tr>
 *   <tr><td>{@code priority}</td><td>LOW, NORMAL, HIGH, URGENT</td><td>is, above, at_least, below, at_most</td></tr>
 *   <tr><td>{@code tier}</td><td>L1 … L4</td><td>is, above, at_least, below, at_most</td></tr>
 *   <tr><td>{@code status}</td><td>NEW, OPEN, PENDING, ON_HOLD, SOLVED</td><td>is</td></tr>
 *   <tr><td>{@code channel}</td><td>a channel code</td><td>is</td></tr>
 *   <tr><td>{@code category}</td><td>a category code</td><td>is, within</td></tr>
 *   <tr><td>{@code group}</td><td>a group id</td><td>is, present</td></tr>
 *   <tr><td>{@code assignee}</td><td>an agent id</td><td>is, present</td></tr>
 *   <tr><td>{@code tags}</td><td>tags</td><td>has, has_any</td></tr>
 *   <tr><td>{@code segment}</td><td>a customer segment</td><td>is, present</td></tr>
 *   <tr><td>{@code reopens}</td><td>a count</td><td>is, above, at_least, below, at_most</td></tr>
 *   <tr><td>{@code field.<name>}</td><td>a value of the custom field's type</td><td>is, present; numbers and dates also above … at_most</td></tr>
 * </table>
 */
public sealed interface Condition {

    /**
     * The condition that always holds: all of nothing.
     *
     * @return an empty {@link All}
     */
    static Condition always() {
        return new All(List.of());
    }

    /**
     * A comparison.
     *
     * @param field    the field
     * @param operator the operator
     * @param values   the values, as text
     * @return the test
     */
    static Condition test(String field, Operator operator, String... values) {
        return new Test(field, operator, List.of(values));
    }

    /**
     * Every condition holds (true when there are none).
     *
     * @param conditions the conditions
     */
    record All(List<Condition> conditions) implements Condition {
        /**
         * Freezes the list.
         *
         * @param conditions the conditions
         */
        public All {
            conditions = List.copyOf(conditions);
        }
    }

    /**
     * At least one condition holds (false when there are none).
     *
     * @param conditions the conditions
     */
    record Any(List<Condition> conditions) implements Condition {
        /**
         * Freezes the list.
         *
         * @param conditions the conditions
         */
        public Any {
            conditions = List.copyOf(conditions);
        }
    }

    /**
     * The condition does not hold.
     *
     * @param condition the condition
     */
    record Not(Condition condition) implements Condition {
        /**
         * Checks the condition is present.
         *
         * @param condition the condition
         */
        public Not {
            Objects.requireNonNull(condition, "condition");
        }
    }

    /**
     * A comparison of one field of the ticket with values given as text.
     *
     * @param field    the field, see {@link Condition}
     * @param operator how to compare
     * @param values   the values, as text; none for {@link Operator#PRESENT}
     */
    record Test(String field, Operator operator, List<String> values) implements Condition {
        /**
         * Checks the parts are present and freezes the values.
         *
         * @param field the field, see {@link Condition}
         * @param operator how to compare
         * @param values the values, as text; none for {@link Operator#PRESENT}
         */
        public Test {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(operator, "operator");
            values = List.copyOf(values);
        }
    }

    /**
     * A condition of a type a host plugs in with a {@link ConditionType}.
     *
     * @param type       the type's name
     * @param parameters its parameters, as text
     */
    record Custom(String type, Map<String, String> parameters) implements Condition {
        /**
         * Checks the parts are present and freezes the parameters.
         *
         * @param type the type's name
         * @param parameters its parameters, as text
         */
        public Custom {
            Objects.requireNonNull(type, "type");
            parameters = Map.copyOf(parameters);
        }
    }
}
