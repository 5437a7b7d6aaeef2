package dev.helpdesk.examples.quickstart;

import dev.helpdesk.core.ChatDesk;
import dev.helpdesk.core.ForumDesk;
import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.IdempotentDesk;
import dev.helpdesk.core.PhoneDesk;
import dev.helpdesk.core.TicketDesk;
import dev.helpdesk.core.chat.ChatSettings;
import dev.helpdesk.core.forum.ForumSettings;
import dev.helpdesk.core.forum.InMemoryKnowledgeCandidates;
import dev.helpdesk.core.forum.PostReport;
import dev.helpdesk.core.phone.CallReport;
import dev.helpdesk.core.phone.IncomingCall;
import dev.helpdesk.core.phone.PhoneSettings;
import dev.helpdesk.core.routing.InMemoryAgentDirectory;
import dev.helpdesk.core.time.SettableClock;
import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.channel.CustomerContact;
import dev.helpdesk.spi.channel.CustomerDirectory;
import dev.helpdesk.spi.chat.ChatLine;
import dev.helpdesk.spi.chat.ChatSession;
import dev.helpdesk.spi.forum.ForumPost;
import dev.helpdesk.spi.forum.KnowledgeCandidate;
import dev.helpdesk.spi.idempotency.IdempotencyKey;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.phone.CallOutcome;
import dev.helpdesk.spi.phone.PhoneCall;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.routing.AgentProfile;
import dev.helpdesk.spi.sla.ClockState;
import dev.helpdesk.spi.sla.SlaTarget;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.Tier;
import io.vavr.control.Either;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The channels of a day at a second shop, "harbor": a hotline call solved on the phone (and the
 * same report sent twice under one idempotency key), a call after hours that leaves a callback
 * request with its own target, a chat that waits too long and becomes a ticket, and a forum
 * post nobody answered, picked up, answered and accepted as a candidate article. It runs on a
 * desk of its own, in memory.
 */
final class ChannelsDay {
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH).withZone(ZONE);
    private static final TenantId HARBOR = TenantId.of("harbor");
    private static final GroupId SUPPORT = GroupId.of("support");

    private final PrintStream out;
    private final LocalDate day;
    private final SettableClock clock;
    private final Helpdesk desk;
    private final InMemoryKnowledgeCandidates candidates = new InMemoryKnowledgeCandidates();
    private final Actor ana = Actor.agent("ana");
    private final Actor carol = Actor.customer("carol");
    private final Actor dave = Actor.customer("dave");
    private final Actor forumBridge = Actor.integration("forum");

    /**
     * Makes the day.
     *
     * @param out where the day is told
     * @param day the date, a weekday
     */
    ChannelsDay(PrintStream out, LocalDate day) {
        this.out = out;
        this.day = day;
        this.clock = SettableClock.at(day.atTime(9, 0).atZone(ZONE).toInstant());
        // ana takes one chat at a time and is busy all morning: waiting chats wait
        InMemoryAgentDirectory agents = new InMemoryAgentDirectory()
                .put(HARBOR, AgentProfile.builder("ana").groups(SUPPORT.value()).tiers(Tier.L1).capacity(5).build());
        this.desk = Helpdesk.builder()
                .clock(clock)
                .calendars(List.of(Quickstart.OFFICE_HOURS))
                .agents(agents)
                .phone(PhoneSettings.builder().hours(Quickstart.OFFICE_HOURS).directory(new PhoneBook())
                        .callbackTarget(SlaTarget.businessTime(Duration.ofHours(2), Quickstart.OFFICE_HOURS.id())).build())
                .chat(ChatSettings.builder().waitLimit(SUPPORT.value(), Duration.ofMinutes(3))
                        .firstResponseTarget(Duration.ofSeconds(45)).build())
                .forum(ForumSettings.builder().pickUpAfter(Duration.ofHours(24)).candidates(candidates).build())
                .build();
    }

    /** Tells the day. */
    void run() {
        out.println();
        out.println("Channels at harbor - " + day);
        out.println("-".repeat(78));
        TicketDesk tickets = desk.tenant(HARBOR).tickets();
        PhoneDesk phone = desk.tenant(HARBOR).phone();
        IdempotentDesk keyed = desk.tenant(HARBOR).idempotent();
        ChatDesk chat = desk.tenant(HARBOR).chat();
        ForumDesk forum = desk.tenant(HARBOR).forum();

        at(9, 20);
        CallReport call = CallReport.of("+31 20 555 0100", clock.instant().minus(Duration.ofMinutes(6)),
                Duration.ofMinutes(6), CallOutcome.SOLVED_ON_CALL, "Router reset over the phone; works again.",
                Category.TROUBLESHOOTING);
        PhoneCall logged = ok(phone.logCall(call, ana));
        Ticket solved = ok(tickets.get(logged.ticket(), ana));
        say("hotline: call from " + logged.caller().value() + " (" + logged.customer() + "), "
                + logged.duration().toMinutes() + " min, " + logged.outcome() + " -> " + solved.number() + " "
                + solved.status());

        at(9, 25);
        IdempotencyKey key = IdempotencyKey.of("crm-request-5531");
        var command = dev.helpdesk.core.ticket.TicketCommand.open().subject("Invoice address wrong")
                .body("Please change the address on invoice 2026-0431.").channel(dev.helpdesk.spi.ticket.Channel.API)
                .category(Category.BILLING).requester(CustomerId.of("dave")).build();
        Ticket first = ok(keyed.open(key, command, Actor.integration("crm")));
        Ticket retried = ok(keyed.open(key, command, Actor.integration("crm")));
        say("api: the CRM sent one request twice under key " + key + ": " + first.number() + " and "
                + retried.number() + (first.equals(retried) ? ", the same answer" : ", different answers"));

        at(10, 0);
        ChatSession waiting = ok(chat.start(SUPPORT, "Hi, my parcel tracking link does not open.", dave));
        ChatSession busy = ok(chat.start(SUPPORT, "Can I pay by invoice?", carol));
        ok(chat.take(busy.id(), ana));
        ok(chat.say(busy.id(), "Yes, choose 'invoice' at checkout.", ana));
        ok(chat.end(busy.id(), true, ana));
        say("chat: carol's chat answered in " + ok(chat.firstResponse(busy.id())).took().orElseThrow().toSeconds()
                + " s and solved -> " + number(tickets, ok(chat.get(busy.id(), ana))));
        at(10, 4);
        List<ChatSession> swept = chat.sweep();
        ChatSession ticketed = swept.isEmpty() ? waiting : swept.get(0);
        ChatLine told = ticketed.transcript().get(ticketed.transcript().size() - 1);
        say("chat: dave waited over 3 minutes -> " + ticketed.status() + " " + number(tickets, ticketed)
                + "; dave is told: \"" + told.text() + "\"");

        at(10, 30);
        ForumPost post = ok(forum.report(new PostReport("t-881", "carol", "Export to CSV loses accents",
                "Names like Zoë come out as Zo?.", clock.instant().minus(Duration.ofHours(25))), forumBridge));
        List<ForumPost> picked = forum.sweep();
        ForumPost up = picked.get(0);
        say("forum: post " + post.id() + " unanswered for 25 h -> picked up as " + number(tickets, up));
        ok(forum.answer(post.id(), "Open the export with UTF-8 encoding; accents then show.", ana));
        ok(forum.accept(post.id(), carol));
        KnowledgeCandidate candidate = candidates.offered().get(0);
        say("forum: answer published and accepted -> candidate article \"" + candidate.question() + "\"");

        clock.set(day.atTime(19, 30).atZone(ZONE).toInstant());
        IncomingCall late = ok(phone.ring("+31 20 555 0100"));
        PhoneCall callback = late.callback().orElseThrow();
        ClockState due = ok(desk.tenant(HARBOR).sla().clocks(callback.ticket(), ana)).stream()
                .filter(c -> c.kind() == ClockKind.FIRST_RESPONSE).findFirst().orElseThrow();
        say("hotline: closed; the call left callback request " + number(tickets, callback.ticket()) + ", due "
                + TIME.format(due.dueAt()) + " (policy " + due.policy() + ")");
        out.println("Tickets at harbor: " + ok(tickets.list(TicketQuery.all(), PageRequest.first(50), ana)).items().size());
    }

    private void at(int hour, int minute) {
        clock.set(day.atTime(hour, minute).atZone(ZONE).toInstant());
    }

    private void say(String text) {
        out.println(TIME.format(clock.instant()) + "  " + text);
    }

    private String number(TicketDesk tickets, ChatSession s) {
        return number(tickets, s.ticket().orElseThrow());
    }

    private String number(TicketDesk tickets, ForumPost p) {
        return number(tickets, p.ticket().orElseThrow());
    }

    private String number(TicketDesk tickets, dev.helpdesk.spi.ticket.TicketId id) {
        return ok(tickets.get(id, ana)).number().toString();
    }

    private static <T> T ok(Either<Rejection, T> result) {
        return result.getOrElseThrow(r -> new IllegalStateException(r.message()));
    }

    /** The shop's customers by phone number, as its CRM would answer. */
    private static final class PhoneBook implements CustomerDirectory {
        private final Map<ContactAddress, CustomerId> numbers = Map.of(
                ContactAddress.phone("+31205550100"), CustomerId.of("carol"));

        @Override
        public String name() {
            return "harbor-crm";
        }

        @Override
        public Optional<CustomerId> resolve(TenantId tenant, ContactAddress address) {
            return Optional.ofNullable(numbers.get(address));
        }

        @Override
        public Optional<CustomerContact> contact(TenantId tenant, CustomerId customer) {
            return Optional.empty();
        }
    }
}
