package dev.helpdesk.examples.crm.web;

import dev.helpdesk.examples.crm.directory.CrmRepository;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.sla.ClockState;
import dev.helpdesk.spi.sla.ClockStatus;
import dev.helpdesk.spi.ticket.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Formatting for the pages ({@code ${@views.…}} in the templates): times in the office's zone,
 * SLA clocks in words, people's names from the CRM.
 */
@Component("views")
public class Views {
    /** The zone the pages show times in. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private final CrmRepository crm;
    private final Clock clock;

    Views(CrmRepository crm, Clock clock) {
        this.crm = crm;
        this.clock = clock;
    }

    /**
     * A time for people.
     *
     * @param at an instant
     * @return for example {@code Thu 3 Dec 10:42}
     */
    public String when(Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(ZONE));
    }

    /**
     * What a running clock says: how long until it is due, or how late it is.
     *
     * @param clockState a clock
     * @return for example {@code 45 min left}, {@code 2 h 10 min late}, {@code met}
     */
    public String remaining(ClockState clockState) {
        return switch (clockState.status()) {
            case ACHIEVED -> "met";
            case CANCELLED -> "cancelled";
            case PAUSED -> "paused, " + span(clockState.remaining().abs()) + (clockState.remaining().isNegative() ? " late" : " left");
            case BREACHED -> span(Duration.between(clockState.dueAt(), clock.instant()).abs()) + " late";
            case RUNNING -> {
                Duration left = Duration.between(clock.instant(), clockState.dueAt());
                yield left.isNegative() ? span(left.abs()) + " late" : span(left) + " left";
            }
        };
    }

    /**
     * The style class of a clock: calm, close (under a quarter of the target left), late or done.
     *
     * @param clockState a clock
     * @return {@code ok}, {@code warn}, {@code late} or {@code done}
     */
    public String urgency(ClockState clockState) {
        if (clockState.status() == ClockStatus.ACHIEVED || clockState.status() == ClockStatus.CANCELLED) {
            return "done";
        }
        Duration left = Duration.between(clock.instant(), clockState.dueAt());
        if (clockState.status() == ClockStatus.BREACHED || left.isNegative()) {
            return "late";
        }
        return left.compareTo(clockState.target().amount().dividedBy(4)) < 0 ? "warn" : "ok";
    }

    /**
     * The name of whoever wrote a message or made a change.
     *
     * @param actor the actor
     * @return a person's name from the CRM, or "Northwind support" for the desk's own rules
     */
    public String name(Actor actor) {
        if (actor instanceof Actor.Customer c) {
            return crm.customer(c.id().value()).map(x -> x.name()).orElse(c.id().value());
        }
        if (actor instanceof Actor.Agent a) {
            return crm.staff(a.id().value()).map(x -> x.name()).orElse(a.id().value());
        }
        return "Northwind support";
    }

    /**
     * The name of a member of staff.
     *
     * @param id the staff id
     * @return the name, or the id when the CRM does not know it
     */
    public String staffName(String id) {
        return crm.staff(id).map(s -> s.name()).orElse(id);
    }

    /**
     * A status for people.
     *
     * @param status the status
     * @return for example {@code On hold}
     */
    public String status(Status status) {
        String words = status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * A channel for people.
     *
     * @param channel the channel
     * @return for example {@code Self service}
     */
    public String channel(Object channel) {
        return sentence(String.valueOf(channel).replace('_', ' '));
    }

    /**
     * A category for people: the part after the area.
     *
     * @param category the category
     * @return for example {@code Hardware} for {@code technical.hardware}
     */
    public String category(dev.helpdesk.spi.ticket.Category category) {
        String code = category.code();
        return sentence(code.substring(code.indexOf('.') + 1).replace('-', ' '));
    }

    /**
     * A language tag for people.
     *
     * @param tag a BCP 47 tag
     * @return for example {@code Dutch}
     */
    public String language(String tag) {
        return Locale.forLanguageTag(tag).getDisplayLanguage(Locale.ENGLISH);
    }

    /**
     * What an event in a ticket's history means, in a few words.
     *
     * @param event the event
     * @return for example {@code tier changed} or {@code L1 → L2: Needs the hardware specialist}
     */
    public String event(dev.helpdesk.spi.ticket.TicketEvent event) {
        String kind = sentence(event.kind().replace('_', ' '));
        if (event instanceof dev.helpdesk.spi.ticket.TicketEvent.TierChanged t) {
            return kind + ": " + t.from() + " → " + t.to();
        }
        if (event instanceof dev.helpdesk.spi.ticket.TicketEvent.SatisfactionRated r) {
            return kind + ": " + r.score() + " of " + r.outOf();
        }
        return kind;
    }

    private static String sentence(String words) {
        String lower = words.toLowerCase(Locale.ROOT);
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /**
     * A size in bytes for people.
     *
     * @param bytes the size
     * @return for example {@code 12 KB}
     */
    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        return bytes < 1024 * 1024 ? (bytes / 1024) + " KB" : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    private static String span(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h " + (minutes % 60) + " min";
        }
        return (hours / 24) + " days " + (hours % 24) + " h";
    }
}
