package dev.helpdesk.core.internal.notice;

import dev.helpdesk.core.calendar.BusinessTime;
import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.calendar.NoOpeningTimeException;
import dev.helpdesk.core.notification.Templates;
import dev.helpdesk.spi.notification.HeldNotices;
import dev.helpdesk.spi.notification.Notification;
import dev.helpdesk.spi.notification.Notifier;
import dev.helpdesk.spi.notification.Recipient;
import dev.helpdesk.spi.notification.Topic;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.routing.AgentDirectory;
import dev.helpdesk.spi.routing.AgentProfile;
import dev.helpdesk.spi.routing.CustomerLanguages;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.TicketEvent;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the notice events of a commit ({@link TicketEvent.EscalatedToRole},
 * {@link TicketEvent.AgentNotified}, {@link TicketEvent.CustomerNotified}) into rendered
 * notices and hands them to the notifiers. The topic follows the rule that sent the notice: a
 * rule on an SLA warning sends SLA warnings, one on a breach sends breach notices, any other
 * escalation notices.
 *
 * <p>The desk calls {@link #dispatch} only once the commit that made the events is durable
 * (through {@link dev.helpdesk.spi.ticket.TicketStore#afterCommit}), so no notice goes out for
 * a change that a host's transaction rolled back.
 *
 * <p>A notice that is not urgent, to an agent who asked for only urgent notices outside their
 * working hours, is held in {@link HeldNotices} until their next opening and goes out on the
 * first {@link #releaseDue} at or after it (the desk calls it from every due run). A store that
 * keeps held notices durably keeps them across restarts and hands each to one desk instance.
 *
 * <p>Thread-safe.
 */
public final class Notices {
    private static final Logger LOG = LoggerFactory.getLogger(Notices.class);

    private final List<Notifier> notifiers;
    private final Templates templates;
    private final AgentDirectory directory;
    private final CustomerLanguages languages;
    private final Map<BusinessCalendar, BusinessTime> hours = new ConcurrentHashMap<>();
    private final HeldNotices held;
    /** How long a claim on a held notice lasts when the instance that claimed it dies. */
    private static final Duration RELEASE_LEASE = Duration.ofMinutes(5);
    private static final int RELEASE_BATCH = 100;

    /**
     * Makes the dispatcher.
     *
     * @param notifiers where notices go
     * @param templates the texts
     * @param directory the agents, for role holders, names, languages and working hours
     * @param languages the customers' languages
     * @param held      where notices wait for working hours
     */
    public Notices(List<Notifier> notifiers, Templates templates, AgentDirectory directory, CustomerLanguages languages,
                   HeldNotices held) {
        this.held = java.util.Objects.requireNonNull(held, "held");
        this.notifiers = List.copyOf(notifiers);
        this.templates = templates;
        this.directory = directory;
        this.languages = languages;
    }

    /**
     * Tells whether any notifier is installed; without one nothing is rendered.
     *
     * @return true when notices go somewhere
     */
    public boolean isActive() {
        return !notifiers.isEmpty();
    }

    /**
     * Renders and sends (or holds) the notices a committed change asks for.
     *
     * @param tenant the tenant
     * @param change the committed change
     * @return the notices made, sent or held
     */
    public List<Notification> dispatch(TenantId tenant, TicketChange change) {
        if (notifiers.isEmpty()) {
            return List.of();
        }
        List<Notification> made = new ArrayList<>();
        Map<Actor, TicketEvent.RuleFired> firings = new HashMap<>();
        List<TicketEvent> events = change.events();
        Ticket ticket = change.newState();
        for (int i = 0; i < events.size(); i++) {
            TicketEvent e = events.get(i);
            long version = change.expectedVersion() + i + 1;
            if (e instanceof TicketEvent.RuleFired f) {
                firings.put(f.actor(), f);
                continue;
            }
            Optional<TicketEvent.RuleFired> firing = Optional.ofNullable(firings.get(e.actor()));
            if (e instanceof TicketEvent.EscalatedToRole r) {
                for (AgentProfile holder : directory.holders(tenant, r.role(), ticket.group())) {
                    made.add(toAgent(tenant, ticket, version, e, firing, events, holder, Optional.of(r.role()),
                            r.reason(), r.urgent()));
                }
            } else if (e instanceof TicketEvent.AgentNotified n) {
                Optional<AgentProfile> agent = directory.agent(tenant, n.agent());
                if (agent.isPresent()) {
                    made.add(toAgent(tenant, ticket, version, e, firing, events, agent.get(), Optional.empty(),
                            n.reason(), n.urgent()));
                } else {
                    LOG.warn("notice for unknown agent {} on ticket {} dropped", n.agent(), ticket.id());
                }
            } else if (e instanceof TicketEvent.CustomerNotified c) {
                Locale locale = templates.languageFor(languages.languageOf(tenant, c.customer()).orElse(Locale.ENGLISH));
                Map<String, String> values = values(ticket, locale, c.customer().value(), e.actor(), firing, c.reason(), "",
                        events);
                made.add(Notification.builder()
                        .id(ticket.id() + "/" + version + "/customer:" + c.customer().value())
                        .tenant(tenant)
                        .ticket(ticket.id())
                        .number(ticket.number())
                        .topic(Topic.ESCALATION)
                        .recipient(new Recipient.Customer(c.customer()))
                        .locale(locale)
                        .subject(templates.render(locale, customerTemplate(c) + ".subject", values))
                        .body(templates.render(locale, customerTemplate(c) + ".body", values))
                        .urgent(false)
                        .createdAt(e.at())
                        .sendAt(e.at())
                        .build());
            } else if (e instanceof TicketEvent.VisitRescheduled || e instanceof TicketEvent.VisitCancelled) {
                made.add(visitNotice(tenant, ticket, version, e, events));
            }
        }
        for (Notification n : made) {
            if (n.sendAt().isAfter(n.createdAt())) {
                held.hold(n);
            } else {
                send(n);
            }
        }
        return made;
    }

    private Notification toAgent(TenantId tenant, Ticket ticket, long version, TicketEvent event,
                                 Optional<TicketEvent.RuleFired> firing, List<TicketEvent> events, AgentProfile agent,
                                 Optional<String> role, String reason, boolean urgent) {
        Locale locale = templates.languageFor(agent.locale());
        Topic topic = topic(firing);
        String roleLine = role.map(r -> templates.render(locale, "role_line", Map.of("role", r))).orElse("");
        Map<String, String> values = values(ticket, locale, agent.displayName(), event.actor(), firing, reason, roleLine,
                events);
        Optional<BusinessCalendar> calendar = agent.workingHours();
        if (calendar.isPresent()) {
            values.put("due", due(firing, events, locale, calendar.get().zone()));
        }
        Instant sendAt = event.at();
        if (!urgent && agent.urgentOnlyOffHours() && calendar.isPresent()) {
            sendAt = nextWorkingMoment(calendar.get(), event.at());
        }
        String body = templates.render(locale, topic.key() + ".body", values).replace("\n\n\n", "\n\n");
        return Notification.builder()
                .id(ticket.id() + "/" + version + "/agent:" + agent.id().value())
                .tenant(tenant)
                .ticket(ticket.id())
                .number(ticket.number())
                .topic(topic)
                .recipient(new Recipient.Agent(agent.id(), role))
                .locale(locale)
                .subject(templates.render(locale, topic.key() + ".subject", values))
                .body(body)
                .urgent(urgent)
                .createdAt(event.at())
                .sendAt(sendAt)
                .build();
    }

    private Instant nextWorkingMoment(BusinessCalendar calendar, Instant at) {
        BusinessTime time = hours.computeIfAbsent(calendar, BusinessTime::of);
        try {
            return time.nextOpening(at);
        } catch (NoOpeningTimeException | DateTimeException e) {
            // working hours that never open again cannot hold a notice back for ever
            return at;
        }
    }

    private Map<String, String> values(Ticket ticket, Locale locale, String recipient, Actor by,
                                       Optional<TicketEvent.RuleFired> firing, String reason, String roleLine,
                                       List<TicketEvent> events) {
        Map<String, String> v = new HashMap<>();
        String none = templates.text(locale, "none");
        v.put("number", ticket.number().toString());
        v.put("subject", ticket.subject());
        v.put("recipient", recipient);
        v.put("tier", ticket.tier().name());
        v.put("group", ticket.group().map(Object::toString).orElse(none));
        v.put("priority", ticket.priority().name());
        v.put("status", ticket.status().name());
        // an escalation by hand names the agent where a rule's would name the rule
        v.put("rule", firing.map(TicketEvent.RuleFired::rule).orElse(by.display()));
        v.put("reason", reason);
        v.put("role_line", roleLine);
        v.put("clock", clock(firing).map(c -> templates.text(locale, "clock." + c.name().toLowerCase(Locale.ROOT))).orElse(none));
        v.put("due", due(firing, events, locale, ZoneOffset.UTC));
        return v;
    }

    private static Topic topic(Optional<TicketEvent.RuleFired> firing) {
        String trigger = firing.map(TicketEvent.RuleFired::trigger).orElse("");
        if (trigger.startsWith("sla_warning:")) {
            return Topic.SLA_WARNING;
        }
        if (trigger.startsWith("sla_breach:")) {
            return Topic.SLA_BREACH;
        }
        return Topic.ESCALATION;
    }

    /** The clock an SLA trigger key names: {@code sla_breach:<clock>:<cycle>}. */
    private static Optional<ClockKind> clock(Optional<TicketEvent.RuleFired> firing) {
        String trigger = firing.map(TicketEvent.RuleFired::trigger).orElse("");
        String[] parts = trigger.split(":");
        if (parts.length == 3 && parts[0].startsWith("sla_")) {
            try {
                return Optional.of(ClockKind.valueOf(parts[1].toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private String due(Optional<TicketEvent.RuleFired> firing, List<TicketEvent> events, Locale locale, ZoneId zone) {
        Optional<ClockKind> clock = clock(firing);
        if (clock.isEmpty()) {
            return templates.text(locale, "none");
        }
        int cycle = Integer.parseInt(firing.get().trigger().substring(firing.get().trigger().lastIndexOf(':') + 1));
        Instant due = null;
        for (TicketEvent e : events) {
            if (e instanceof TicketEvent.SlaWarning w && w.clock() == clock.get() && w.cycle() == cycle) {
                due = w.dueAt();
            } else if (e instanceof TicketEvent.SlaBreached b && b.clock() == clock.get() && b.cycle() == cycle) {
                due = b.dueAt();
            }
        }
        if (due == null) {
            return templates.text(locale, "none");
        }
        String text = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone).format(due);
        return zone.equals(ZoneOffset.UTC) ? text + " UTC" : text;
    }

    /**
     * Sends the waiting notices whose time has come.
     *
     * @param now the current time
     * @return how many were sent
     */
    public int releaseDue(Instant now) {
        if (notifiers.isEmpty()) {
            return 0;
        }
        int sent = 0;
        while (true) {
            List<Notification> due = held.claimDue(now, RELEASE_BATCH, RELEASE_LEASE);
            for (Notification n : due) {
                send(n);
                held.sent(n.id());
            }
            sent += due.size();
            if (due.size() < RELEASE_BATCH) {
                return sent;
            }
        }
    }

    /**
     * The notices waiting for their recipients' working hours.
     *
     * @return them, soonest first
     */
    public List<Notification> waiting() {
        return held.held();
    }

    private void send(Notification n) {
        for (Notifier notifier : notifiers) {
            try {
                notifier.deliver(n);
            } catch (Exception | LinkageError e) {
                // a notifier never breaks the command or the due run that caused the notice
                LOG.warn("notifier {} failed on notice {}", notifier.name(), n.id(), e);
            }
        }
    }

    // ---- on-site visits ------------------------------------------------------

    private static final java.time.format.DateTimeFormatter SLOT_TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** The zone visit slots are written in: the tenant's business calendar's, or UTC. */
    private volatile ZoneId visitZone = ZoneOffset.UTC;

    /**
     * Writes visit slots in customers' notices in a zone (the visit settings' business
     * calendar's), instead of UTC. Called once while the desk is built, before any notice.
     *
     * @param zone the zone
     * @return this dispatcher
     */
    public Notices writeVisitSlotsIn(ZoneId zone) {
        this.visitZone = java.util.Objects.requireNonNull(zone, "zone");
        return this;
    }

    // ---- channels: a chat that became a ticket ----

    /** Who tells a customer that their chat became a ticket (the live chat's desk). */
    private static final Actor CHAT_DESK = Actor.system("chat");

    /** The template of a customer notice: a chat turned into a ticket has its own. */
    private static String customerTemplate(TicketEvent.CustomerNotified c) {
        return c.actor().equals(CHAT_DESK) ? "chat_ticketed" : "customer";
    }

    /** The customer's notice of a rescheduled or cancelled visit, in their language. */
    private Notification visitNotice(TenantId tenant, Ticket ticket, long version, TicketEvent e, List<TicketEvent> batch) {
        Locale locale = templates.languageFor(languages.languageOf(tenant, ticket.requester()).orElse(Locale.ENGLISH));
        Map<String, String> values = new HashMap<>();
        values.put("number", ticket.number().toString());
        values.put("subject", ticket.subject());
        String key;
        if (e instanceof TicketEvent.VisitRescheduled r) {
            key = "visit_rescheduled";
            java.time.format.DateTimeFormatter local = SLOT_TIME.withZone(visitZone);
            values.put("slot", local.format(r.slot().start()) + "–" + local.format(r.slot().end()).substring(11)
                    + (visitZone.equals(ZoneOffset.UTC) ? " UTC" : " (" + visitZone.getId() + ")"));
            values.put("reason", r.reason());
        } else {
            key = "visit_cancelled";
            values.put("reason", ((TicketEvent.VisitCancelled) e).reason());
        }
        return Notification.builder()
                .id(ticket.id() + "/" + version + "/customer:" + ticket.requester().value())
                .tenant(tenant)
                .ticket(ticket.id())
                .number(ticket.number())
                .topic(Topic.VISIT)
                .recipient(new Recipient.Customer(ticket.requester()))
                .locale(locale)
                .subject(templates.render(locale, key + ".subject", values))
                .body(templates.render(locale, key + ".body", values))
                .urgent(false)
                .createdAt(e.at())
                .sendAt(e.at())
                .build();
    }

    // ---- problems ------------------------------------------------------------

    /**
     * Tells the requester of a ticket linked to a problem, in their language, that the problem
     * was fixed; sent at once to every notifier (a failing notifier is logged, as every notice).
     *
     * @param tenant  the tenant
     * @param ticket  the linked ticket
     * @param problem the problem's id, part of the notice's id
     * @param title   the problem's title
     * @param version the version with the fix, if named
     * @param at      when it was fixed
     * @return the notice sent
     */
    public Notification problemFixed(TenantId tenant, Ticket ticket, String problem, String title, Optional<String> version,
                                     Instant at) {
        Locale locale = templates.languageFor(languages.languageOf(tenant, ticket.requester()).orElse(Locale.ENGLISH));
        Map<String, String> values = new HashMap<>();
        values.put("number", ticket.number().toString());
        values.put("subject", ticket.subject());
        values.put("problem", title);
        values.put("version", version.orElse(""));
        values.put("version_line", version.map(v -> templates.render(locale, "problem_fixed.version_line", Map.of("version", v)))
                .orElse(""));
        Notification n = Notification.builder()
                .id("problem:" + problem + "/fixed/" + ticket.id())
                .tenant(tenant)
                .ticket(ticket.id())
                .number(ticket.number())
                .topic(Topic.PROBLEM_FIXED)
                .recipient(new Recipient.Customer(ticket.requester()))
                .locale(locale)
                .subject(templates.render(locale, "problem_fixed.subject", values))
                .body(templates.render(locale, "problem_fixed.body", values))
                .urgent(false)
                .createdAt(at)
                .sendAt(at)
                .build();
        send(n);
        return n;
    }

    // ---- a satisfaction survey on solve ---------------------------------------

    /**
     * Asks the requester of a solved ticket, in their language, to rate it with a survey link;
     * sent at once to every notifier.
     *
     * @param tenant  the tenant
     * @param ticket  the solved ticket
     * @param version the version of the solve, part of the notice's id (a notice sent again for
     *                the same solve has the same id)
     * @param link    the survey link with its token
     * @param expires when the token expires
     * @param at      when the ticket was solved
     * @return the notice sent
     */
    public Notification survey(TenantId tenant, Ticket ticket, long version, String link, Instant expires, Instant at) {
        Locale locale = templates.languageFor(languages.languageOf(tenant, ticket.requester()).orElse(Locale.ENGLISH));
        Map<String, String> values = new HashMap<>();
        values.put("number", ticket.number().toString());
        values.put("subject", ticket.subject());
        values.put("link", link);
        values.put("expires", SLOT_TIME.withZone(ZoneOffset.UTC).format(expires) + " UTC");
        Notification n = Notification.builder()
                .id(ticket.id() + "/" + version + "/survey:" + ticket.requester().value())
                .tenant(tenant)
                .ticket(ticket.id())
                .number(ticket.number())
                .topic(Topic.SURVEY)
                .recipient(new Recipient.Customer(ticket.requester()))
                .locale(locale)
                .subject(templates.render(locale, "survey.subject", values))
                .body(templates.render(locale, "survey.body", values))
                .urgent(false)
                .createdAt(at)
                .sendAt(at)
                .build();
        send(n);
        return n;
    }
}
