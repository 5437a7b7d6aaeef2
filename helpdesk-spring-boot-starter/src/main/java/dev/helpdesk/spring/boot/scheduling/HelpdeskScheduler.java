package dev.helpdesk.spring.boot.scheduling;

import dev.helpdesk.core.DueRun;
import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.spi.outbox.DeliveryReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the desk's timed work on one daemon thread of its own: {@link Helpdesk#runDue()} every
 * due interval (SLA warnings and breaches, timed escalation, auto-close, held notices) and
 * {@link Helpdesk#deliverEvents} every delivery interval (the outbox to the event listeners).
 * Several instances of an application may run it at once: the desk claims due tickets and the
 * outbox's delivery lease through the database, so nothing is done twice.
 *
 * <p>Starts with the application context and stops with it. A failing run is logged and the
 * next one runs as planned.
 */
public final class HelpdeskScheduler implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(HelpdeskScheduler.class);

    private final Helpdesk helpdesk;
    private final Clock clock;
    private final Duration dueInterval;
    private final Duration deliveryInterval;
    private final AtomicReference<Instant> lastDueRun = new AtomicReference<>();
    private final AtomicLong dueRuns = new AtomicLong();
    private final AtomicLong deliveryRuns = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final List<Observer> observers;
    private volatile ScheduledExecutorService executor;

    /** Told what each run did, such as to count it in metrics. Its methods must not throw. */
    public interface Observer {
        /**
         * A due run finished.
         *
         * @param run what it did
         */
        default void ran(DueRun run) {
        }

        /**
         * A delivery pass finished.
         *
         * @param report what it delivered
         */
        default void delivered(DeliveryReport report) {
        }
    }

    /**
     * Makes a scheduler; {@link #start()} starts it.
     *
     * @param helpdesk         the desk
     * @param clock            the clock delivery times are read from
     * @param dueInterval      the pause between two due runs
     * @param deliveryInterval the pause between two delivery passes
     * @param observers        told what each run did
     */
    public HelpdeskScheduler(Helpdesk helpdesk, Clock clock, Duration dueInterval, Duration deliveryInterval,
            List<? extends Observer> observers) {
        this.observers = List.copyOf(observers);
        this.helpdesk = Objects.requireNonNull(helpdesk, "helpdesk");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dueInterval = positive(dueInterval, "helpdesk.scheduling.due-interval");
        this.deliveryInterval = positive(deliveryInterval, "helpdesk.scheduling.delivery-interval");
    }

    private static Duration positive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, not " + value);
        }
        return value;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "helpdesk-scheduler");
            t.setDaemon(true);
            return t;
        });
        ex.scheduleWithFixedDelay(this::runDue, dueInterval.toMillis(), dueInterval.toMillis(), TimeUnit.MILLISECONDS);
        ex.scheduleWithFixedDelay(this::deliver, deliveryInterval.toMillis(), deliveryInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        executor = ex;
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService ex = executor;
        executor = null;
        if (ex != null) {
            ex.shutdown();
            try {
                if (!ex.awaitTermination(30, TimeUnit.SECONDS)) {
                    ex.shutdownNow();
                }
            } catch (InterruptedException e) {
                ex.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /**
     * Runs due work once, now, on the calling thread (also used by the scheduled runs).
     *
     * @return what was done, or empty when the run failed (the failure is logged)
     */
    public Optional<DueRun> runDue() {
        try {
            DueRun run = helpdesk.runDue();
            lastDueRun.set(clock.instant());
            dueRuns.incrementAndGet();
            observers.forEach(o -> o.ran(run));
            return Optional.of(run);
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            LOG.error("helpdesk due work failed; the next run is in {}", dueInterval, e);
            return Optional.empty();
        }
    }

    /**
     * Delivers the outbox's events once, now, on the calling thread.
     *
     * @return what was delivered, or empty when the pass failed (the failure is logged)
     */
    public Optional<DeliveryReport> deliver() {
        try {
            DeliveryReport report = helpdesk.deliverEvents(clock.instant());
            deliveryRuns.incrementAndGet();
            observers.forEach(o -> o.delivered(report));
            return Optional.of(report);
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            LOG.error("helpdesk event delivery failed; the next pass is in {}", deliveryInterval, e);
            return Optional.empty();
        }
    }

    /**
     * When due work last finished.
     *
     * @return the time, or empty before the first run
     */
    public Optional<Instant> lastDueRun() {
        return Optional.ofNullable(lastDueRun.get());
    }

    /**
     * How many due runs finished.
     *
     * @return the count
     */
    public long dueRuns() {
        return dueRuns.get();
    }

    /**
     * How many delivery passes finished.
     *
     * @return the count
     */
    public long deliveryRuns() {
        return deliveryRuns.get();
    }

    /**
     * How many runs of either kind failed.
     *
     * @return the count
     */
    public long failures() {
        return failures.get();
    }

    /**
     * The pause between two due runs.
     *
     * @return the interval
     */
    public Duration dueInterval() {
        return dueInterval;
    }
}
