package dev.helpdesk.spring.boot.actuate;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The desk's health for Spring Boot's actuator ({@code /actuator/health/helpdesk}): the
 * outbox's backlog, its dead letters and the due lag as details; {@code DOWN} when the
 * database cannot be read or a figure passes its limit ({@code helpdesk.health.*}).
 */
public final class HelpdeskHealthIndicator extends AbstractHealthIndicator {
    private final HelpdeskProbe probe;
    private final long maxBacklog;
    private final int maxDeadLetters;
    private final Duration maxDueLag;

    /**
     * Makes the indicator.
     *
     * @param probe          where the figures come from
     * @param maxBacklog     the largest healthy backlog
     * @param maxDeadLetters the largest healthy number of dead letters
     * @param maxDueLag      the longest healthy due lag
     */
    public HelpdeskHealthIndicator(HelpdeskProbe probe, long maxBacklog, int maxDeadLetters, Duration maxDueLag) {
        super("helpdesk health check failed");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.maxBacklog = maxBacklog;
        this.maxDeadLetters = maxDeadLetters;
        this.maxDueLag = Objects.requireNonNull(maxDueLag, "maxDueLag");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long backlog = probe.outboxBacklog();
        int deadLetters = probe.deadLetters(maxDeadLetters + 1);
        Duration lag = probe.dueLag();
        boolean healthy = backlog <= maxBacklog && deadLetters <= maxDeadLetters && lag.compareTo(maxDueLag) <= 0;
        (healthy ? builder.up() : builder.down())
                .withDetail("outboxBacklog", backlog)
                .withDetail("deadLetters", deadLetters > maxDeadLetters ? "more than " + maxDeadLetters : deadLetters)
                .withDetail("dueLagSeconds", lag.toSeconds());
    }
}
