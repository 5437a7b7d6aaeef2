package dev.helpdesk.examples.crm.desk;

import dev.helpdesk.core.TenantDesk;
import dev.helpdesk.core.attachment.FileSystemAttachmentStore;
import dev.helpdesk.core.knowledge.ArticleView;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.core.visit.VisitRequest;
import dev.helpdesk.examples.crm.directory.Account;
import dev.helpdesk.examples.crm.directory.CrmCustomerDirectory;
import dev.helpdesk.examples.crm.directory.CrmRepository;
import dev.helpdesk.spi.channel.AttachmentRef;
import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.channel.EndpointId;
import dev.helpdesk.spi.channel.ExternalMessageId;
import dev.helpdesk.spi.channel.InboundIntake;
import dev.helpdesk.spi.channel.InboundMessage;
import dev.helpdesk.spi.channel.IntakeOutcome;
import dev.helpdesk.spi.knowledge.ArticleId;
import dev.helpdesk.spi.knowledge.SearchHit;
import dev.helpdesk.spi.knowledge.Viewer;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.sla.ClockState;
import dev.helpdesk.spi.sla.CustomerSegment;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketNumber;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.TicketSort;
import dev.helpdesk.spi.ticket.Tier;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.visit.Address;
import dev.helpdesk.spi.visit.Visit;
import dev.helpdesk.spi.visit.VisitSlot;
import io.vavr.control.Either;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the CRM's pages and endpoints do with the desk. Commands that also write to the CRM run
 * in one Spring transaction: the ticket and the CRM's timeline entry commit together, or neither
 * is written. A rejected command throws {@link Rejected}, which rolls the transaction back.
 */
@Service
public class SupportService {
    /** The endpoint the portal's messages arrive on, as the desk records it. */
    private static final EndpointId PORTAL = EndpointId.of("northwind-portal");
    /** The largest file a customer may attach. */
    public static final long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;

    private final TenantDesk desk;
    private final InboundIntake intake;
    private final CrmRepository crm;
    private final CrmCustomerDirectory customers;
    private final FileSystemAttachmentStore files;
    private final Clock clock;

    /**
     * A service on the CRM's desk.
     *
     * @param desk      the CRM's tenant of the desk
     * @param helpdesk  the desk, for its intake of messages with files
     * @param crm       the CRM's tables
     * @param customers the CRM's customers as the desk sees them
     * @param files     where attachments are kept
     * @param clock     the clock
     */
    public SupportService(TenantDesk desk, dev.helpdesk.core.Helpdesk helpdesk, CrmRepository crm,
                          CrmCustomerDirectory customers, FileSystemAttachmentStore files, Clock clock) {
        this.desk = desk;
        this.intake = helpdesk.intake();
        this.crm = crm;
        this.customers = customers;
        this.files = files;
        this.clock = clock;
    }

    // ---- commands that write to the CRM too: one transaction --------------------------------

    /**
     * A customer opens a ticket in the portal; the CRM's timeline records it.
     *
     * @param customerId the signed-in customer
     * @param subject    the subject
     * @param body       the first message
     * @param category   the category's code
     * @return the new ticket
     * @throws Rejected when the desk refuses the ticket (nothing is written)
     */
    @Transactional
    public Ticket openFromPortal(String customerId, String subject, String body, String category) {
        Actor customer = Actor.customer(customerId);
        Category chosen = Category.parse(category == null ? "" : category).getOrElse(Category.TROUBLESHOOTING);
        Ticket ticket = ok(desk.tickets().open(TicketCommand.open().subject(nullToEmpty(subject)).body(nullToEmpty(body))
                .channel(Channel.SELF_SERVICE).category(chosen).requester(CustomerId.of(customerId)).build(), customer));
        crm.addActivity(customerId, null, "ticket", "Opened " + ticket.number() + " in the portal: " + ticket.subject(),
                ticket.number().value(), clock.instant());
        return ticket;
    }

    /**
     * A member of staff logs a phone call in the CRM and opens a ticket for it, in one
     * transaction: the ticket first, then the call on the customer's timeline with the ticket's
     * number. When the CRM refuses the call (its summary is longer than the CRM's 500
     * characters) the ticket is rolled back with it; when the desk refuses the ticket, the call
     * is not logged.
     *
     * @param staffId    who took the call
     * @param customerId who called
     * @param subject    the ticket's subject
     * @param notes      what was said: the ticket's first message and the call's summary
     * @return the new ticket
     * @throws Rejected when the desk refuses the ticket
     * @throws org.springframework.dao.DataAccessException when the CRM refuses the call
     */
    @Transactional
    public Ticket logCall(String staffId, String customerId, String subject, String notes) {
        Ticket ticket = ok(desk.tickets().open(TicketCommand.open().subject(nullToEmpty(subject)).body(nullToEmpty(notes))
                .channel(Channel.PHONE).category(Category.TROUBLESHOOTING).requester(CustomerId.of(customerId)).build(),
                Actor.agent(staffId)));
        crm.addActivity(customerId, staffId, "call", notes, ticket.number().value(), clock.instant());
        return ticket;
    }

    /**
     * Opens a ticket for whoever has an email address in the CRM, as a web form or an
     * integration does: the address is resolved through the desk's customer directory.
     *
     * @param email   the requester's address
     * @param subject the subject
     * @param body    the first message
     * @param staffId who files it
     * @return the new ticket
     * @throws Rejected when nobody in the CRM has that address, or the desk refuses the ticket
     */
    @Transactional
    public Ticket openFor(String email, String subject, String body, String staffId) {
        Either<Rejection, ContactAddress> address = ContactAddress.parse(dev.helpdesk.spi.channel.ContactKind.EMAIL,
                nullToEmpty(email));
        CustomerId requester = customers.resolve(desk.tenant(), ok(address))
                .orElseThrow(() -> new Rejected(Rejection.Invalid.of("email", "is no customer of the CRM")));
        Ticket ticket = ok(desk.tickets().open(TicketCommand.open().subject(nullToEmpty(subject)).body(nullToEmpty(body))
                .channel(Channel.WEB_FORM).category(Category.TROUBLESHOOTING).requester(requester).build(),
                Actor.agent(staffId)));
        crm.addActivity(requester.value(), staffId, "ticket", "Opened " + ticket.number() + " for " + email + ": "
                + ticket.subject(), ticket.number().value(), clock.instant());
        return ticket;
    }

    // ---- the portal ----------------------------------------------------------------------

    /**
     * A customer's tickets, newest first.
     *
     * @param customerId the customer
     * @return their tickets as they see them
     */
    public List<Ticket> myTickets(String customerId) {
        return ok(desk.portal().myTickets(PageRequest.first(100), Actor.customer(customerId))).items().stream()
                .sorted((a, b) -> Long.compare(b.number().value(), a.number().value())).toList();
    }

    /**
     * A customer's tickets, newest first, as an actor may see them: staff see every one, the
     * customer their own.
     *
     * @param customerId the customer
     * @param actor      who looks
     * @return the tickets
     */
    public List<Ticket> ticketsOf(String customerId, Actor actor) {
        if (actor instanceof Actor.Customer) {
            return myTickets(customerId);
        }
        return ok(desk.tickets().list(TicketQuery.requestedBy(CustomerId.of(customerId)), PageRequest.first(100), actor))
                .items().stream().sorted((a, b) -> Long.compare(b.number().value(), a.number().value())).toList();
    }

    /**
     * A ticket by its number, as an actor may see it.
     *
     * @param number the ticket's number
     * @param actor  who looks
     * @return the ticket; a customer's view for a customer
     * @throws Rejected when there is no such ticket for this actor
     */
    public Ticket ticket(long number, Actor actor) {
        return ok(TicketNumber.parse(Long.toString(number)).flatMap(n -> desk.tickets().byNumber(n, actor)));
    }

    /**
     * The messages an actor may read: a customer the public ones (with those of tickets merged
     * into this one), staff also the ticket's internal notes.
     *
     * @param ticket the ticket
     * @param actor  who reads
     * @return the messages, oldest first
     */
    public List<Message> conversation(Ticket ticket, Actor actor) {
        List<Message> shared = ok(desk.tickets().conversation(ticket.id(), actor));
        if (actor instanceof Actor.Customer) {
            return shared;
        }
        // staff read this ticket's internal notes too, beside the public messages of merged tickets
        java.util.Map<dev.helpdesk.spi.ticket.MessageId, Message> all = new java.util.LinkedHashMap<>();
        shared.forEach(m -> all.put(m.id(), m));
        ticket.messages().forEach(m -> all.put(m.id(), m));
        return all.values().stream().sorted(java.util.Comparator.comparing(Message::at)).toList();
    }

    /**
     * The files attached to a ticket's messages that an actor may read.
     *
     * @param ticket the ticket
     * @param actor  who reads
     * @return each file with the message it came with
     */
    public List<TicketEvent.AttachmentAdded> attachments(Ticket ticket, Actor actor) {
        Set<dev.helpdesk.spi.ticket.MessageId> readable = conversation(ticket, actor).stream().map(Message::id)
                .collect(Collectors.toSet());
        return ok(desk.tickets().history(ticket.id(), actor)).stream().map(RecordedEvent::event)
                .filter(TicketEvent.AttachmentAdded.class::isInstance).map(TicketEvent.AttachmentAdded.class::cast)
                .filter(a -> readable.contains(a.message())).toList();
    }

    /**
     * Opens an attached file for someone who may read its message.
     *
     * @param number  the ticket's number
     * @param key     the file's storage key
     * @param actor   who reads
     * @return the file's facts and bytes
     * @throws Rejected when the actor may not read it
     */
    public Download download(long number, String key, Actor actor) {
        Ticket ticket = ticket(number, actor);
        TicketEvent.AttachmentAdded file = attachments(ticket, actor).stream().filter(a -> a.storageKey().equals(key))
                .findFirst().orElseThrow(() -> new Rejected(new Rejection.NotFound("attachment", key)));
        InputStream bytes = ok(files.open(desk.tenant(), dev.helpdesk.spi.channel.StorageKey.of(key)));
        return new Download(file.name(), file.mediaType(), file.size(), bytes);
    }

    /**
     * A reply by whoever is signed in; a customer's reply to a solved ticket reopens it.
     *
     * @param number the ticket's number
     * @param body   the text
     * @param actor  who writes
     * @return the ticket after the reply
     */
    public Ticket reply(long number, String body, Actor actor) {
        Ticket ticket = ticket(number, actor);
        if (actor instanceof Actor.Customer) {
            return ok(desk.portal().reply(ticket.id(), nullToEmpty(body), actor));
        }
        return ok(desk.tickets().reply(ticket.id(), nullToEmpty(body), Channel.EMAIL, actor));
    }

    /**
     * A customer's reply with a file, taken through the desk's intake as the portal's message:
     * the file is stored first, then the reply and the file's record commit together.
     *
     * @param number      the ticket's number
     * @param body        the text
     * @param fileName    the file's name
     * @param mediaType   the file's media type
     * @param content     the file's bytes
     * @param customerId  the signed-in customer
     * @return what the desk did with it
     */
    public IntakeOutcome replyWithFile(long number, String body, String fileName, String mediaType, InputStream content,
                                       String customerId) {
        Actor customer = Actor.customer(customerId);
        Ticket ticket = ticket(number, customer);
        AttachmentRef file = ok(files.put(desk.tenant(), nullToEmpty(fileName), nullToEmpty(mediaType), content,
                MAX_ATTACHMENT_BYTES));
        String email = crm.customer(customerId).map(c -> c.email()).orElseThrow();
        String text = body == null || body.isBlank() ? "(attached " + file.name() + ")" : body;
        InboundMessage message = InboundMessage.builder().channel(Channel.WEB_FORM).tenant(desk.tenant())
                .endpoint(PORTAL).sender(ContactAddress.email(email)).knownCustomer(CustomerId.of(customerId))
                .subject(ticket.subject()).text(text).addAttachments(file)
                .externalId(ExternalMessageId.of("portal-" + UUID.randomUUID())).ticketHint(ticket.number())
                .receivedAt(clock.instant()).rawSize(file.size() + text.length()).build();
        Either<Rejection, InboundMessage> valid = message.validate();
        if (valid.isLeft()) {
            files.delete(desk.tenant(), file.storageKey());
            throw new Rejected(valid.getLeft());
        }
        IntakeOutcome outcome = intake.accept(message);
        if (!outcome.taken()) {
            files.delete(desk.tenant(), file.storageKey());
            throw new Rejected(Rejection.Invalid.of("file", outcome.describe()));
        }
        return outcome;
    }

    /**
     * The requester rates their solved ticket.
     *
     * @param number  the ticket's number
     * @param score   1 to 5
     * @param comment a comment, or null
     * @param actor   the requester
     * @return the ticket
     */
    public Ticket rate(long number, int score, String comment, Actor actor) {
        Ticket ticket = ticket(number, actor);
        return ok(desk.feedback().rate(ticket.id(), score, comment == null || comment.isBlank() ? null : comment, actor));
    }

    /**
     * The requester's rating of the ticket's current resolution, if they gave one.
     *
     * @param ticket the ticket
     * @param actor  who reads
     * @return the latest rating of this cycle
     */
    public java.util.Optional<TicketEvent.SatisfactionRated> rating(Ticket ticket, Actor actor) {
        TicketEvent.SatisfactionRated latest = null;
        for (RecordedEvent r : ok(desk.tickets().history(ticket.id(), actor))) {
            if (r.event() instanceof TicketEvent.SatisfactionRated rated && rated.cycle() == ticket.cycle()) {
                latest = rated;
            }
        }
        return java.util.Optional.ofNullable(latest);
    }

    /**
     * What happened to a ticket, newest first, as staff read it.
     *
     * @param ticket the ticket
     * @param agent  who reads
     * @param limit  at most this many events
     * @return the events
     */
    public List<TicketEvent> history(Ticket ticket, Actor agent, int limit) {
        List<TicketEvent> events = new ArrayList<>(ok(desk.tickets().history(ticket.id(), agent)).stream()
                .map(RecordedEvent::event).toList());
        java.util.Collections.reverse(events);
        return events.stream().limit(limit).toList();
    }

    /**
     * Articles that may answer what a customer is writing, in their language.
     *
     * @param subject    the subject so far
     * @param body       the text so far
     * @param customerId the customer, for their language and segment
     * @return up to five hits
     */
    public List<SearchHit> suggestFor(String subject, String body, String customerId) {
        if ((subject == null || subject.isBlank()) && (body == null || body.isBlank())) {
            return List.of();
        }
        return desk.knowledge().suggest(nullToEmpty(subject), nullToEmpty(body), viewerOf(customerId),
                languageOf(customerId), 5).getOrElse(List.of());
    }

    /**
     * A published article as a customer reads it.
     *
     * @param id         the article's id
     * @param customerId the customer
     * @return the article's page
     */
    public ArticleView article(String id, String customerId) {
        return ok(ArticleId.parse(id).flatMap(a -> desk.knowledge().read(a, viewerOf(customerId), languageOf(customerId))));
    }

    /**
     * The customer found the answer in an article: their ticket is closed as self-served.
     *
     * @param number     the ticket's number
     * @param articleId  the article
     * @param customerId the customer
     * @return the ticket
     */
    public Ticket solvedBy(long number, String articleId, String customerId) {
        Actor customer = Actor.customer(customerId);
        Ticket ticket = ticket(number, customer);
        return ok(ArticleId.parse(articleId).flatMap(a -> desk.knowledge().solvedMyProblem(a, viewerOf(customerId),
                customer, ticket.id())));
    }

    // ---- the agent desk ------------------------------------------------------------------------

    /**
     * The open work, most urgent first: unsolved tickets by when their next SLA warning or
     * breach is due (tickets with nothing due last).
     *
     * @param agent who looks
     * @return the queue
     */
    public List<Ticket> queue(Actor agent) {
        TicketQuery open = TicketQuery.builder().inStatus(Status.NEW, Status.OPEN, Status.PENDING, Status.ON_HOLD)
                .sortedBy(TicketSort.NEXT_DUE, false).build();
        return ok(desk.tickets().list(open, PageRequest.first(200), agent)).items();
    }

    /**
     * A ticket's SLA clocks, as staff see them.
     *
     * @param ticket the ticket
     * @param agent  who looks
     * @return the clocks of the current cycle
     */
    public List<ClockState> clocks(Ticket ticket, Actor agent) {
        return desk.sla().clocks(ticket.id(), agent).getOrElse(List.of()).stream()
                .filter(c -> c.cycle() == ticket.cycle()).toList();
    }

    /**
     * An internal note.
     *
     * @param number the ticket's number
     * @param body   the text
     * @param agent  who writes
     * @return the ticket
     */
    public Ticket note(long number, String body, Actor agent) {
        return ok(desk.tickets().note(ticket(number, agent).id(), nullToEmpty(body), agent));
    }

    /**
     * Assigns a ticket to the agent who takes it.
     *
     * @param number the ticket's number
     * @param agent  who takes it
     * @return the ticket
     */
    public Ticket take(long number, Actor agent) {
        return ok(desk.tickets().assign(ticket(number, agent).id(), ((Actor.Agent) agent).id(), agent));
    }

    /**
     * Solves a ticket.
     *
     * @param number the ticket's number
     * @param agent  who solves it
     * @return the ticket
     */
    public Ticket solve(long number, Actor agent) {
        return ok(desk.tickets().solve(ticket(number, agent).id(), agent));
    }

    /**
     * Functional escalation: the ticket moves to another tier.
     *
     * @param number the ticket's number
     * @param tier   L1 to L4
     * @param reason why
     * @param agent  who escalates
     * @return the ticket
     */
    public Ticket escalate(long number, String tier, String reason, Actor agent) {
        Tier to;
        try {
            to = Tier.valueOf(nullToEmpty(tier));
        } catch (IllegalArgumentException e) {
            throw new Rejected(Rejection.Invalid.of("tier", "must be L1, L2, L3 or L4"));
        }
        return ok(desk.tickets().changeTier(ticket(number, agent).id(), to, nullToEmpty(reason), agent));
    }

    /**
     * Merges a duplicate into another ticket.
     *
     * @param number the duplicate's number
     * @param into   the number of the ticket it is merged into
     * @param agent  who merges
     * @return the ticket merged into
     */
    public Ticket merge(long number, String into, Actor agent) {
        Ticket source = ticket(number, agent);
        TicketNumber target = ok(TicketNumber.parse(nullToEmpty(into).strip()));
        Ticket destination = ok(desk.tickets().byNumber(target, agent));
        return ok(desk.tickets().merge(source.id(), destination.id(), agent));
    }

    /**
     * Plans a technician's visit at the customer's account address.
     *
     * @param number     the ticket's number
     * @param technician the technician's staff id
     * @param start      when the visit starts
     * @param hours      how long it takes
     * @param agent      who plans
     * @return the visit
     */
    public Visit planVisit(long number, String technician, Instant start, int hours, Actor agent) {
        Ticket ticket = ticket(number, agent);
        Account account = crm.accountOf(ticket.requester().value())
                .orElseThrow(() -> new Rejected(new Rejection.NotFound("account", ticket.requester().value())));
        String skill = crm.staff(nullToEmpty(technician)).flatMap(s -> s.skills().stream()
                .filter(k -> !k.startsWith("region:")).findFirst())
                .orElseThrow(() -> new Rejected(Rejection.Invalid.of("technician", "is no technician")));
        Address address = Address.builder().street(account.street()).postalCode(account.postalCode())
                .city(account.city()).country(account.country()).build();
        if (start == null) {
            throw new Rejected(Rejection.Invalid.of("start", "is required"));
        }
        return ok(desk.visits().plan(ticket.id(), new VisitRequest(AgentId.of(technician), skill, account.region(), address,
                VisitSlot.of(start, Duration.ofHours(Math.max(1, Math.min(hours, 8))))), agent));
    }

    /**
     * A ticket's visits.
     *
     * @param ticket the ticket
     * @param actor  who looks
     * @return the visits
     */
    public List<Visit> visits(Ticket ticket, Actor actor) {
        return desk.visits().visits(ticket.id(), actor).getOrElse(List.of());
    }

    /**
     * Articles for an agent: what the search text finds, or what fits the ticket.
     *
     * @param ticket the ticket
     * @param text   the agent's search text, or blank for suggestions from the ticket
     * @return up to five hits
     */
    public List<SearchHit> articlesFor(Ticket ticket, String text) {
        if (text != null && !text.isBlank()) {
            return desk.knowledge().search(text, Viewer.AGENT, languageOf(ticket.requester().value()), 5)
                    .getOrElse(List.of());
        }
        String body = ticket.messages().isEmpty() ? "" : ticket.messages().get(0).body();
        return desk.knowledge().suggest(ticket.subject(), body, Viewer.AGENT, languageOf(ticket.requester().value()), 5)
                .getOrElse(List.of());
    }

    /**
     * Links an article to a ticket, or solves the ticket with it.
     *
     * @param number    the ticket's number
     * @param articleId the article
     * @param solve     whether it solves the ticket
     * @param agent     who links it
     * @return the ticket
     */
    public Ticket linkArticle(long number, String articleId, boolean solve, Actor agent) {
        Ticket ticket = ticket(number, agent);
        return ok(ArticleId.parse(nullToEmpty(articleId)).flatMap(a -> solve ? desk.knowledge().solveWith(ticket.id(), a, agent)
                : desk.knowledge().linkToTicket(ticket.id(), a, agent)));
    }

    /**
     * The articles linked to a ticket, as the history records them.
     *
     * @param ticket the ticket
     * @param agent  who looks
     * @return the linked articles' titles in the requester's language
     */
    public List<String> linkedArticles(Ticket ticket, Actor agent) {
        List<String> titles = new ArrayList<>();
        for (RecordedEvent r : ok(desk.tickets().history(ticket.id(), agent))) {
            if (r.event() instanceof TicketEvent.ArticleLinked linked) {
                desk.knowledge().read(ArticleId.of(linked.article()), Viewer.AGENT, languageOf(ticket.requester().value()))
                        .forEach(view -> titles.add(view.title()));
            }
        }
        return titles;
    }

    private Viewer viewerOf(String customerId) {
        return Viewer.customer(crm.accountOf(customerId).map(a -> Set.of(CustomerSegment.of(a.segment())))
                .orElse(Set.of()));
    }

    private String languageOf(String customerId) {
        return crm.customer(customerId).map(c -> c.language()).orElse("en");
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static <T> T ok(Either<Rejection, T> result) {
        return result.getOrElseThrow(Rejected::new);
    }

    /**
     * An attached file to send back.
     *
     * @param name      the file name
     * @param mediaType the media type
     * @param size      the size in bytes
     * @param content   the bytes; the caller closes it
     */
    public record Download(String name, String mediaType, long size, InputStream content) {
    }
}
