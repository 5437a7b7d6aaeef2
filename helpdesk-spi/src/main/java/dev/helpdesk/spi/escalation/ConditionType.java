package dev.helpdesk.spi.escalation;

import dev.helpdesk.spi.plugin.HelpdeskPlugin;
import dev.helpdesk.spi.rejection.FieldError;
import java.util.List;
import java.util.Map;

/**
 * A kind of escalation condition a host adds, used in rules as a {@link Condition.Custom} with
 * this type's name (for instance {@code "vip-contract"} asking the host's CRM). Register it on
 * the desk's builder as a plugin, or let the desk discover it.
 *
 * <p>{@link #test} runs while a command or a due run is decided, so it must be fast, must not
 * block on slow systems and must be safe for concurrent use. It should depend only on the facts
 * and parameters it is given: the desk decides when a timed rule is next due from the same
 * facts, and a condition that changes its answer on its own is noticed only at the ticket's
 * next change. An exception it throws is an infrastructure failure and fails the command.
 */
public interface ConditionType extends HelpdeskPlugin {

    /**
     * The type's name, a label, unique among the desk's condition types.
     *
     * @return the name conditions refer to
     */
    String type();

    /**
     * The plugin's name: {@code condition:} and the type.
     *
     * @return the plugin name
     */
    @Override
    default String name() {
        return "condition:" + type();
    }

    /**
     * Checks a condition's parameters when a rule is defined.
     *
     * @param parameters the parameters as given
     * @return every problem, each naming its parameter; empty when they are fine
     */
    List<FieldError> check(Map<String, String> parameters);

    /**
     * Tells whether the condition holds for a ticket.
     *
     * @param ticket     the ticket's facts
     * @param parameters the parameters, already checked
     * @return true when it holds
     */
    boolean test(TicketFacts ticket, Map<String, String> parameters);
}
