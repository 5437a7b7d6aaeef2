package dev.helpdesk.core.ticket;

import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;

/**
 * Who may send the commands that only the desk's own machinery sends: the records of
 * escalation rules, routing's queueing and the SLA clocks' warnings and breaches. An agent,
 * a customer or an integration that sends one is refused, so a host cannot forge an SLA
 * breach or a rule firing through the command path.
 */
final class Permissions {
    private static final Either<Rejection, Allowance> GRANTED = Either.right(Allowance.GRANTED);

    private Permissions() {
    }

    /**
     * Only the desk's rules (system actors).
     *
     * @param actor   who acts
     * @param command the command's name
     * @return granted for {@link Actor.SystemRule}
     */
    static Either<Rejection, Allowance> desksRulesOnly(Actor actor, String command) {
        return actor instanceof Actor.SystemRule ? GRANTED
                : Either.left(new Rejection.NotAllowed("only the desk's rules " + command + ", not " + actor.display()));
    }
}
