package dev.helpdesk.spring.boot;

import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.spi.notification.Notification;
import dev.helpdesk.spi.notification.Notifier;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.plugin.EventListener;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.RecordedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/** Small pieces of a host application shared by the starter's tests. */
final class Hosts {
    static final TenantId ACME = TenantId.of("acme");
    static final Actor CAROL = Actor.customer("carol");

    private Hosts() {
    }

    static TicketCommand.Open opening(String subject) {
        return TicketCommand.open().subject(subject).body("Since this morning").channel(Channel.EMAIL)
                .category(Category.HARDWARE).requester(CustomerId.of("carol")).build();
    }

    /** Waits up to 20 s for a condition that a background thread makes true. */
    static void eventually(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 400 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        if (!condition.getAsBoolean()) {
            throw new AssertionError("the condition did not hold within 20 s");
        }
    }

    /** An event listener bean of a host: records what reaches it. */
    static final class Recorder implements EventListener {
        final List<RecordedEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "host-recorder";
        }

        @Override
        public void on(RecordedEvent event) {
            events.add(event);
        }
    }

    /** A listener that always fails: its events end as dead letters. */
    static final class Failing implements EventListener {
        @Override
        public String name() {
            return "host-failing";
        }

        @Override
        public void on(RecordedEvent event) {
            throw new IllegalStateException("the warehouse is down");
        }
    }

    /** A notifier bean of a host. */
    static final class Mailer implements Notifier {
        final List<Notification> sent = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "host-mailer";
        }

        @Override
        public void deliver(Notification notification) {
            sent.add(notification);
        }
    }
}
