package dev.helpdesk.spi.escalation;

import dev.helpdesk.spi.plugin.HelpdeskPlugin;
import dev.helpdesk.spi.rejection.FieldError;
import java.util.List;
import java.util.Map;

/**
 * A kind of escalation action a host adds, used in rules as an {@link Action.Custom} with this
 * type's name. A custom action expands into built-in actions for the ticket at hand (for
 * instance {@code "follow-the-sun"} choosing the group by the hour, or {@code "page-on-call"}
 * naming the agent the host's rota has on call), so that everything a rule does stays a
 * ticket event decided by the desk's lifecycle rules. A host that must call another system
 * when a rule fires listens for {@link dev.helpdesk.spi.ticket.TicketEvent.RuleFired} with an
 * {@link dev.helpdesk.spi.plugin.EventListener}, after the commit.
 *
 * <p>{@link #expand} runs while a command or a due run is decided: it must be fast and safe
 * for concurrent use, and should not have side effects.
 */
public interface ActionType extends HelpdeskPlugin {

    /**
     * The type's name, a label, unique among the desk's action types.
     *
     * @return the name actions refer to
     */
    String type();

    /**
     * The plugin's name: {@code action:} and the type.
     *
     * @return the plugin name
     */
    @Override
    default String name() {
        return "action:" + type();
    }

    /**
     * Checks an action's parameters when a rule is defined.
     *
     * @param parameters the parameters as given
     * @return every problem, each naming its parameter; empty when they are fine
     */
    List<FieldError> check(Map<String, String> parameters);

    /**
     * The built-in actions this action amounts to for a ticket. Custom actions in the result
     * are ignored, so expansions never recurse.
     *
     * @param ticket     the ticket's facts
     * @param parameters the parameters, already checked
     * @return the actions, possibly none
     */
    List<Action> expand(TicketFacts ticket, Map<String, String> parameters);
}
