package dev.helpdesk.examples.quickstart;

import dev.helpdesk.spi.plugin.EventListener;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketId;
import dev.helpdesk.spi.ticket.TicketNumber;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.concurrent.ConcurrentHashMap;

/** An event listener plugin that prints every committed event as one line of a timeline. */
final class Timeline implements EventListener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);
    private final PrintStream out;
    private final ZoneId zone;
    private final Map<TicketId, TicketNumber> numbers = new ConcurrentHashMap<>();
    private final BiFunction<TenantId, TicketId, TicketNumber> lookup;
    private final NoticeBoard notices;

    Timeline(PrintStream out, ZoneId zone, BiFunction<TenantId, TicketId, TicketNumber> lookup, NoticeBoard notices) {
        this.out = out;
        this.zone = zone;
        this.lookup = lookup;
        this.notices = notices;
    }

    @Override
    public String name() {
        return "quickstart-timeline";
    }

    @Override
    public void on(RecordedEvent recorded) {
        TicketEvent e = recorded.event();
        if (e instanceof TicketEvent.Opened o) {
            numbers.put(o.ticketId(), o.number());
        }
        String what = describe(e);
        if (what == null) {
            return;
        }
        TicketNumber number = numbers.computeIfAbsent(e.ticketId(), id -> lookup.apply(recorded.tenant(), id));
        out.printf("%s  %-7s %-5s %-22s %s%n", TIME.format(e.at().atZone(zone)), recorded.tenant(),
                number, e.actor().display().replace("rule:escalation:", "rule:"), what);
        notices.printed(recorded.eventId());
    }

    private String describe(TicketEvent e) {
        if (e instanceof TicketEvent.Opened o) {
            return "opened via " + o.channel() + " [" + o.category() + ", " + o.priority() + "] \"" + o.subject() + "\""
                    + o.followUpOf().map(f -> " (follow-up)").orElse("");
        } else if (e instanceof TicketEvent.MessagePosted m) {
            String kind = m.message().isPublic() ? "replied" : "noted (internal)";
            return m.message().body().equals(firstLine(m.message().body())) && m.message().body().length() < 70
                    ? kind + ": " + m.message().body() : kind + ": " + abbreviate(firstLine(m.message().body()));
        } else if (e instanceof TicketEvent.Assigned a) {
            return "assigned to " + a.agent();
        } else if (e instanceof TicketEvent.Unassigned) {
            return "unassigned";
        } else if (e instanceof TicketEvent.GroupChanged g) {
            return "moved to group " + g.to();
        } else if (e instanceof TicketEvent.PriorityChanged p) {
            return "priority " + p.from() + " -> " + p.to();
        } else if (e instanceof TicketEvent.CategoryChanged c) {
            return "category " + c.from() + " -> " + c.to();
        } else if (e instanceof TicketEvent.TierChanged t) {
            return "tier " + t.from() + " -> " + t.to() + " (" + t.reason() + ")";
        } else if (e instanceof TicketEvent.StatusChanged s) {
            return "status " + s.from() + " -> " + s.to();
        } else if (e instanceof TicketEvent.Solved) {
            return "SOLVED";
        } else if (e instanceof TicketEvent.Reopened r) {
            return "REOPENED (cycle " + r.cycle() + ")";
        } else if (e instanceof TicketEvent.Closed c) {
            return c.automatic() ? "CLOSED automatically" : "CLOSED";
        } else if (e instanceof TicketEvent.Merged m) {
            return "MERGED into another ticket";
        } else if (e instanceof TicketEvent.MergedIn m) {
            return "took in a merged ticket";
        } else if (e instanceof TicketEvent.SlaWarning w) {
            return "SLA warning: " + w.clock().label() + " at " + w.thresholdPercent() + " % (due " + due(w.at(), w.dueAt()) + ")";
        } else if (e instanceof TicketEvent.SlaBreached b) {
            return "SLA BREACHED: " + b.clock().label() + " (was due " + due(b.at(), b.dueAt()) + ")";
        } else if (e instanceof TicketEvent.SlaCompleted c) {
            return "SLA " + c.clock().label() + (c.achieved() ? " met" : " MISSED") + " (" + c.policy() + ", due "
                    + due(c.at(), c.dueAt()) + ")";
        } else if (e instanceof TicketEvent.SlaPolicyApplied p) {
            return p.policy().map(name -> "SLA policy: " + name).orElse("no SLA policy applies any more");
        } else if (e instanceof TicketEvent.RuleFired f) {
            return "ESCALATION RULE " + f.rule() + ": " + f.reason();
        } else if (e instanceof TicketEvent.EscalatedToRole r) {
            return "escalated to the " + r.role() + (r.urgent() ? " (urgent)" : "") + ", ticket stays where it is";
        } else if (e instanceof TicketEvent.Queued q) {
            return "waits in queue " + q.group().map(Object::toString).orElse("-") + ": " + q.reason();
        } else if (e instanceof TicketEvent.AgentNotified n) {
            return "told " + n.agent();
        } else if (e instanceof TicketEvent.CustomerNotified n) {
            return "told the customer";
        } else if (e instanceof TicketEvent.TagAdded t) {
            return "tagged " + t.tag();
        }
        return e.kind();
    }

    /** A due time as {@code HH:mm} on the event's day, with the day otherwise. */
    private String due(Instant at, Instant due) {
        ZonedDateTime when = due.atZone(zone);
        return when.toLocalDate().equals(at.atZone(zone).toLocalDate()) ? TIME.format(when) : DAY_TIME.format(when);
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static String abbreviate(String text) {
        return text.length() <= 67 ? text + "…" : text.substring(0, 66) + "…";
    }
}
