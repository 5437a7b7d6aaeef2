package dev.helpdesk.spring.boot.actuate;

import dev.helpdesk.core.DueRun;
import dev.helpdesk.spi.outbox.DeliveryReport;
import dev.helpdesk.spi.plugin.CommandListener;
import dev.helpdesk.spi.plugin.EventListener;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spring.boot.scheduling.HelpdeskScheduler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's Micrometer meters. As an {@link EventListener} it counts committed events as the
 * outbox delivers them (so a rolled-back command counts nothing): every event by type, SLA
 * warnings and breaches by clock, messages taken from email. As a {@link CommandListener} it
 * counts the commands given to the ticket desks, accepted and rejected, by type. As a
 * {@link HelpdeskScheduler.Observer} it counts due work and outbox deliveries. Its gauges read
 * the {@link HelpdeskProbe} when the registry is scraped.
 *
 * <ul>
 *   <li>{@code helpdesk.commands} (counter, tags {@code command}: Open, Reply, …; {@code outcome}: accepted, rejected)</li>
 *   <li>{@code helpdesk.rejections} (counter, tags {@code command} and {@code rejection}: NotFound, Invalid, …)</li>
 *   <li>{@code helpdesk.events} (counter, tag {@code type}: {@code Opened}, {@code MessagePosted}, …)</li>
 *   <li>{@code helpdesk.sla.warnings}, {@code helpdesk.sla.breaches} (counters, tag {@code clock})</li>
 *   <li>{@code helpdesk.email.ingested} (counter: messages received by email and linked to a ticket)</li>
 *   <li>{@code helpdesk.outbox.deliveries} (counter, tag {@code outcome}: delivered, failed, dead_lettered)</li>
 *   <li>{@code helpdesk.due.tickets} (counter, tag {@code outcome}: claimed, changed, conflicts)</li>
 *   <li>{@code helpdesk.outbox.backlog}, {@code helpdesk.outbox.dead.letters} (gauges),
 *       {@code helpdesk.due.lag} (time gauge)</li>
 * </ul>
 */
public final class HelpdeskMetrics implements MeterBinder, EventListener, CommandListener, HelpdeskScheduler.Observer {
    private static final Logger LOG = LoggerFactory.getLogger(HelpdeskMetrics.class);
    private static final int DEAD_LETTER_CAP = 10_000;

    private final Optional<HelpdeskProbe> probe;
    private volatile MeterRegistry registry;

    /**
     * Makes the meters; {@link #bindTo} registers them.
     *
     * @param probe where the gauges read from; empty without a JDBC store
     */
    public HelpdeskMetrics(Optional<HelpdeskProbe> probe) {
        this.probe = probe;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        this.registry = meters;
        probe.ifPresent(p -> {
            gauge(meters, "helpdesk.outbox.backlog", "Events of the outbox not yet delivered to every listener", p,
                    x -> x.outboxBacklog());
            gauge(meters, "helpdesk.outbox.dead.letters", "Events parked as dead letters", p,
                    x -> x.deadLetters(DEAD_LETTER_CAP));
            TimeGauge.builder("helpdesk.due.lag", p, TimeUnit.SECONDS, x -> safely(y -> y.dueLag().toSeconds(), x))
                    .description("Time since the oldest due time not yet handled by due work")
                    .register(meters);
        });
    }

    private static void gauge(MeterRegistry meters, String name, String description, HelpdeskProbe p,
            ToDoubleFunction<HelpdeskProbe> read) {
        Gauge.builder(name, p, x -> safely(read, x)).description(description).register(meters);
    }

    private static double safely(ToDoubleFunction<HelpdeskProbe> read, HelpdeskProbe p) {
        try {
            return read.applyAsDouble(p);
        } catch (RuntimeException e) {
            LOG.warn("a helpdesk gauge could not be read: {}", e.getMessage());
            return Double.NaN;
        }
    }

    @Override
    public String name() {
        return "micrometer-metrics";
    }

    @Override
    public void on(RecordedEvent recorded) {
        MeterRegistry meters = registry;
        if (meters == null) {
            return;
        }
        TicketEvent event = recorded.event();
        Counter.builder("helpdesk.events").description("Committed ticket events, by type")
                .tag("type", event.getClass().getSimpleName()).register(meters).increment();
        if (event instanceof TicketEvent.SlaWarning w) {
            Counter.builder("helpdesk.sla.warnings").description("SLA warnings, by clock")
                    .tag("clock", w.clock().name()).register(meters).increment();
        } else if (event instanceof TicketEvent.SlaBreached b) {
            Counter.builder("helpdesk.sla.breaches").description("SLA breaches, by clock")
                    .tag("clock", b.clock().name()).register(meters).increment();
        } else if (event instanceof TicketEvent.ExternalMessageLinked linked && Channel.EMAIL.equals(linked.channel())) {
            Counter.builder("helpdesk.email.ingested").description("Messages received by email and taken into tickets")
                    .register(meters).increment();
        }
    }

    @Override
    public void accepted(TenantId tenant, String command) {
        MeterRegistry meters = registry;
        if (meters != null) {
            Counter.builder("helpdesk.commands").description("Commands given to the ticket desks, by type and outcome")
                    .tag("command", command).tag("outcome", "accepted").register(meters).increment();
        }
    }

    @Override
    public void rejected(TenantId tenant, String command, Rejection rejection) {
        MeterRegistry meters = registry;
        if (meters != null) {
            Counter.builder("helpdesk.commands").description("Commands given to the ticket desks, by type and outcome")
                    .tag("command", command).tag("outcome", "rejected").register(meters).increment();
            Counter.builder("helpdesk.rejections").description("Rejected commands, by command and rejection type")
                    .tag("command", command).tag("rejection", rejection.getClass().getSimpleName()).register(meters)
                    .increment();
        }
    }

    @Override
    public void delivered(DeliveryReport report) {
        MeterRegistry meters = registry;
        if (meters == null) {
            return;
        }
        count(meters, "helpdesk.outbox.deliveries", "Outbox deliveries to the event listeners", "delivered", report.delivered());
        count(meters, "helpdesk.outbox.deliveries", "Outbox deliveries to the event listeners", "failed", report.failed());
        count(meters, "helpdesk.outbox.deliveries", "Outbox deliveries to the event listeners", "dead_lettered",
                report.deadLettered());
    }

    @Override
    public void ran(DueRun run) {
        MeterRegistry meters = registry;
        if (meters == null) {
            return;
        }
        count(meters, "helpdesk.due.tickets", "Due tickets handled by due work", "claimed", run.claimed());
        count(meters, "helpdesk.due.tickets", "Due tickets handled by due work", "changed", run.changed());
        count(meters, "helpdesk.due.tickets", "Due tickets handled by due work", "conflicts", run.conflicts());
    }

    private static void count(MeterRegistry meters, String name, String description, String outcome, double amount) {
        Counter.builder(name).description(description).tag("outcome", outcome).register(meters).increment(amount);
    }
}
