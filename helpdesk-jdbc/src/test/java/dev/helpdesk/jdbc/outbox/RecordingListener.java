package dev.helpdesk.jdbc.outbox;

import dev.helpdesk.spi.plugin.EventListener;
import dev.helpdesk.spi.ticket.RecordedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A listener that records what it receives and fails when told to. */
final class RecordingListener implements EventListener {
    private final String name;
    private final Predicate<RecordedEvent> failOn;
    final List<String> received = new CopyOnWriteArrayList<>();
    final List<String> failed = new CopyOnWriteArrayList<>();

    RecordingListener(String name, Predicate<RecordedEvent> failOn) {
        this.name = name;
        this.failOn = failOn;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void on(RecordedEvent event) {
        received.add(event.eventId());
        if (failOn.test(event)) {
            failed.add(event.eventId());
            throw new IllegalStateException("listener " + name + " failed on " + event.eventId());
        }
    }
}
