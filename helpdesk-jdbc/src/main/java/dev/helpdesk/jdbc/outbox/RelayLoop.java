package dev.helpdesk.jdbc.outbox;

import dev.helpdesk.spi.outbox.DeliveryReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's own thread: every interval it delivers batches until one comes back short.
 */
final class RelayLoop {
    private static final Logger LOG = LoggerFactory.getLogger(RelayLoop.class);

    private final BiFunction<Instant, Integer, DeliveryReport> pass;
    private final Duration stopWait;
    private ScheduledExecutorService thread;

    RelayLoop(BiFunction<Instant, Integer, DeliveryReport> pass, Duration stopWait) {
        this.pass = pass;
        this.stopWait = stopWait;
    }

    synchronized void start(Clock clock, Duration interval, int batch) {
        if (thread != null) {
            throw new IllegalStateException("the outbox relay is already running");
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "helpdesk-outbox-relay");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(() -> {
            try {
                DeliveryReport report;
                do {
                    report = pass.apply(clock.instant(), batch);
                } while (report.delivered() == batch && !Thread.currentThread().isInterrupted());
            } catch (RuntimeException e) {
                LOG.warn("outbox delivery pass failed; retrying after {}: {}", interval, e.toString());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (thread == null) {
            return;
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(stopWait.toMillis(), TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
        thread = null;
    }
}
