package dev.helpdesk.examples.quickstart;

import dev.helpdesk.spi.notification.Notification;
import dev.helpdesk.spi.notification.Notifier;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A notifier plugin that prints each notice under the timeline line of the event that caused
 * it. A notice can arrive before its event is printed (the store's outbox delivers events
 * later), so it waits here until the timeline has printed that event.
 */
final class NoticeBoard implements Notifier {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private final PrintStream out;
    private final ZoneId zone;
    private final List<Notification> waiting = new ArrayList<>();
    private final Set<String> printedEvents = new HashSet<>();
    private final List<Notification> sent = new ArrayList<>();

    NoticeBoard(PrintStream out, ZoneId zone) {
        this.out = out;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "quickstart-notices";
    }

    @Override
    public synchronized void deliver(Notification notification) {
        sent.add(notification);
        if (printedEvents.contains(eventOf(notification))) {
            print(notification);
        } else {
            waiting.add(notification);
        }
    }

    /** Called by the timeline after it printed an event: prints the notices that waited for it. */
    synchronized void printed(String eventId) {
        printedEvents.add(eventId);
        List<Notification> due = waiting.stream().filter(n -> eventOf(n).equals(eventId)).toList();
        waiting.removeAll(due);
        due.forEach(this::print);
    }

    synchronized List<Notification> sent() {
        return List.copyOf(sent);
    }

    /** A notice's id is {@code <ticket>/<version>/<recipient>}; the event's is {@code <ticket>/<version>}. */
    private static String eventOf(Notification n) {
        return n.id().substring(0, n.id().lastIndexOf('/'));
    }

    private void print(Notification n) {
        out.printf("%s  %-7s %-5s %-22s %s%n", TIME.format(n.sendAt().atZone(zone)), n.tenant(), n.number(),
                "notice to " + n.recipient().id() + " (" + n.locale().getLanguage() + ")",
                (n.urgent() ? "URGENT " : "") + n.subject());
        for (String line : n.body().split("\n")) {
            if (!line.isBlank()) {
                out.printf("%44s| %s%n", "", line);
            }
        }
    }
}
