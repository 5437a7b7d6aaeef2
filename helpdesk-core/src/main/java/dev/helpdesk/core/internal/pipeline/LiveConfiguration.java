package dev.helpdesk.core.internal.pipeline;

import dev.helpdesk.core.internal.rules.RuleBook;
import dev.helpdesk.core.internal.sla.SlaRuntime;
import dev.helpdesk.spi.escalation.EscalationRule;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.sla.SlaConfiguration;
import io.vavr.control.Either;
import java.util.List;
import java.util.Objects;

/**
 * The parts of a desk's configuration a host may replace while the desk runs: the escalation
 * rules and the SLA configuration. Every command reads one {@link Snapshot} when it starts and
 * uses it to the end, so that one commit never mixes two configurations.
 */
public final class LiveConfiguration {

    /**
     * The configuration one command runs under.
     *
     * @param rules the escalation rules
     * @param sla   the SLA policies and calendars
     */
    public record Snapshot(RuleBook rules, SlaRuntime sla) {
    }

    private volatile Snapshot current;

    /**
     * The configuration the desk starts with.
     *
     * @param rules the escalation rules
     * @param sla   the SLA configuration
     */
    public LiveConfiguration(RuleBook rules, SlaRuntime sla) {
        this.current = new Snapshot(Objects.requireNonNull(rules, "rules"), Objects.requireNonNull(sla, "sla"));
    }

    /**
     * The configuration in force now.
     *
     * @return the snapshot
     */
    public Snapshot current() {
        return current;
    }

    /**
     * Replaces the escalation rules when all of them pass their checks.
     *
     * @param rules the new rules
     * @return the rules in force, or the rejection naming every problem (the old rules stay)
     */
    public synchronized Either<Rejection, List<EscalationRule>> replaceRules(List<EscalationRule> rules) {
        return current.rules().withRules(rules).map(next -> {
            current = new Snapshot(next, current.sla());
            return next.definitions();
        });
    }

    /**
     * Replaces the SLA configuration.
     *
     * @param configuration the new configuration
     */
    public synchronized void replaceSla(SlaConfiguration configuration) {
        current = new Snapshot(current.rules(), current.sla().with(configuration));
    }
}
