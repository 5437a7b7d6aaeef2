package dev.helpdesk.spi.report;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a report covers: one tenant, a period {@code [from, to)}, the zone its days are counted
 * in, optionally a business clock for the business-time variant of durations, the host's cost
 * of a ticket per channel, and how many of the most frequent problems to list.
 *
 * <p>A ticket counts in the period in which the event that completes a figure happens: volume
 * by its opening, reply times by the first reply, resolution times and one-touch resolution by
 * the solve, ratings by the rating (see {@link Reports}).
 *
 * <p>{@code build()} throws {@link ConfigurationException} naming every bad field: a period
 * that is empty or reversed, bounds finer than a microsecond (the databases keep microseconds),
 * a negative cost, a list length outside 1..100.
 */
@Value.Immutable
public abstract class ReportQuery {
    ReportQuery() {
    }

    /**
     * The tenant.
     *
     * @return the tenant
     */
    public abstract TenantId tenant();

    /**
     * The period's first instant.
     *
     * @return the start, inclusive
     */
    public abstract Instant from();

    /**
     * The instant after the period.
     *
     * @return the end, exclusive
     */
    public abstract Instant to();

    /**
     * The zone in which the period is cut into days.
     *
     * @return the zone, UTC by default
     */
    @Value.Default
    public ZoneId zone() {
        return ZoneOffset.UTC;
    }

    /**
     * The clock for business-time durations; without one, durations are in calendar time only.
     *
     * @return the clock, if any
     */
    @Value.Auxiliary
    public abstract Optional<BusinessClock> businessClock();

    /**
     * The host's cost of one ticket per channel, in the host's unit (money, minutes); channels
     * not named cost nothing.
     *
     * @return weights by channel
     */
    public abstract Map<Channel, Double> channelCosts();

    /**
     * How many entries each list of most frequent problems has at most.
     *
     * @return 1 to 100; 10 by default
     */
    @Value.Default
    public int top() {
        return 10;
    }

    @Value.Check
    void check() {
        List<FieldError> problems = new ArrayList<>();
        if (!from().isBefore(to())) {
            problems.add(new FieldError("to", "must be after from: " + from() + " .. " + to()));
        }
        if (from().getNano() % 1000 != 0) {
            problems.add(new FieldError("from", "must be a whole microsecond: " + from()));
        }
        if (to().getNano() % 1000 != 0) {
            problems.add(new FieldError("to", "must be a whole microsecond: " + to()));
        }
        channelCosts().forEach((channel, cost) -> {
            if (cost == null || cost.isNaN() || cost < 0 || cost.isInfinite()) {
                problems.add(new FieldError("channelCosts." + channel.code(), "must be a finite number of at least 0: " + cost));
            }
        });
        if (top() < 1 || top() > 100) {
            problems.add(new FieldError("top", "must be 1-100: " + top()));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("report query", problems);
        }
    }

    /**
     * A builder; {@code build()} throws {@link ConfigurationException} naming every bad or missing
     * field.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A query for a tenant and a period with the defaults.
     *
     * @param tenant the tenant
     * @param from   the first instant
     * @param to     the instant after the period
     * @return the query
     */
    public static ReportQuery of(TenantId tenant, Instant from, Instant to) {
        return builder().tenant(tenant).from(from).to(to).build();
    }

    /** Builds {@link ReportQuery}. */
    public static final class Builder extends ImmutableReportQuery.Builder {
        Builder() {
        }
    }
}
