package dev.helpdesk.examples.crm.desk;

import dev.helpdesk.core.Helpdesk;
import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The desk's timed work: SLA warnings and breaches, escalations and automatic closes
 * ({@code runDue}), and the delivery of committed events to listeners and notifiers.
 */
@Component
public class DeskScheduler {
    private final Helpdesk desk;
    private final Clock clock;

    /**
     * A scheduler for a desk.
     *
     * @param desk  the desk
     * @param clock the clock
     */
    public DeskScheduler(Helpdesk desk, Clock clock) {
        this.desk = desk;
        this.clock = clock;
    }

    /** Runs what is due and delivers what was committed. */
    @Scheduled(fixedDelayString = "${crm.desk.due-period-ms}", initialDelayString = "${crm.desk.due-period-ms}")
    public void runDue() {
        desk.runDue(clock.instant());
        desk.deliverEvents(clock.instant());
    }
}
