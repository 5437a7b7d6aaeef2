package dev.helpdesk.examples.crm.web;

import dev.helpdesk.examples.crm.desk.SupportService;
import dev.helpdesk.examples.crm.directory.Activity;
import dev.helpdesk.examples.crm.directory.CrmRepository;
import dev.helpdesk.examples.crm.directory.CustomerRecord;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.Visibility;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CRM's JSON endpoints for tickets and the customer view, for whoever signed in with
 * {@code POST /login}: a customer sees and writes their own tickets as the portal does; staff
 * see the queue, every message, and the CRM's record of a customer with their tickets.
 * Rejections answer 400 (invalid input, naming the fields), 403, 404 or 409 with the reason.
 */
@RestController
@RequestMapping("/api")
class TicketApi {
    private final SupportService support;
    private final CrmRepository crm;

    TicketApi(SupportService support, CrmRepository crm) {
        this.support = support;
        this.crm = crm;
    }

    /**
     * A ticket as JSON.
     *
     * @param number    the ticket's number
     * @param subject   the subject
     * @param status    the status
     * @param priority  the priority
     * @param tier      the tier
     * @param channel   the channel it came in on
     * @param category  the category's code
     * @param requester the requester's CRM id
     * @param assignee  the assignee's CRM id, or null
     * @param createdAt when it was opened
     * @param messages  the messages the caller may read
     */
    record TicketJson(long number, String subject, String status, String priority, String tier, String channel,
                      String category, String requester, String assignee, Instant createdAt, List<MessageJson> messages) {
        static TicketJson of(Ticket t, List<Message> messages) {
            return new TicketJson(t.number().value(), t.subject(), t.status().name(), t.priority().name(), t.tier().name(),
                    t.channel().toString(), t.category().code(), t.requester().value(),
                    t.assignee().map(AgentId::value).orElse(null), t.createdAt(),
                    messages.stream().map(MessageJson::of).toList());
        }
    }

    /**
     * A message as JSON.
     *
     * @param author   who wrote it, as the desk names actors
     * @param internal true for an internal note
     * @param body     the text
     * @param at       when
     */
    record MessageJson(String author, boolean internal, String body, Instant at) {
        static MessageJson of(Message m) {
            return new MessageJson(m.author().display(), m.visibility() == Visibility.INTERNAL, m.body(), m.at());
        }
    }

    /**
     * A new ticket: a customer's own, or one staff file for a CRM customer by email address.
     *
     * @param subject  the subject
     * @param body     the first message
     * @param category the category's code (customers)
     * @param email    the requester's address (staff)
     */
    record NewTicket(String subject, String body, String category, String email) {
    }

    /**
     * A message.
     *
     * @param body the text
     */
    record Text(String body) {
    }

    /**
     * A phone call staff log on a customer's CRM record, with the ticket it opens.
     *
     * @param subject the ticket's subject
     * @param notes   what was said
     */
    record Call(String subject, String notes) {
    }

    /**
     * The customer view: the CRM's record and the customer's tickets.
     *
     * @param id         the customer's CRM id
     * @param name       the name
     * @param email      the address
     * @param account    the account's name
     * @param segment    the account's segment
     * @param manager    the account manager's name
     * @param activities the CRM's timeline, newest first
     * @param tickets    the customer's tickets, newest first, without messages
     */
    record CustomerView(String id, String name, String email, String account, String segment, String manager,
                        List<Activity> activities, List<TicketJson> tickets) {
    }

    @GetMapping("/tickets")
    List<TicketJson> tickets(HttpSession session) {
        SignedIn me = signedIn(session);
        List<Ticket> tickets = me.customer() ? support.myTickets(me.id()) : support.queue(me.actor());
        return tickets.stream().map(t -> TicketJson.of(t, List.of())).toList();
    }

    @PostMapping("/tickets")
    ResponseEntity<TicketJson> open(@RequestBody NewTicket form, HttpSession session) {
        SignedIn me = signedIn(session);
        Ticket ticket = me.customer() ? support.openFromPortal(me.id(), form.subject(), form.body(), form.category())
                : support.openFor(form.email(), form.subject(), form.body(), me.id());
        return ResponseEntity.created(URI.create("/api/tickets/" + ticket.number().value()))
                .body(TicketJson.of(ticket, support.conversation(ticket, me.actor())));
    }

    @GetMapping("/tickets/{number}")
    TicketJson ticket(@PathVariable("number") long number, HttpSession session) {
        SignedIn me = signedIn(session);
        Ticket ticket = support.ticket(number, me.actor());
        return TicketJson.of(ticket, support.conversation(ticket, me.actor()));
    }

    @PostMapping("/tickets/{number}/replies")
    TicketJson reply(@PathVariable("number") long number, @RequestBody Text text, HttpSession session) {
        SignedIn me = signedIn(session);
        Ticket ticket = support.reply(number, text.body(), me.actor());
        return TicketJson.of(ticket, support.conversation(ticket, me.actor()));
    }

    @PostMapping("/tickets/{number}/notes")
    TicketJson note(@PathVariable("number") long number, @RequestBody Text text, HttpSession session) {
        SignedIn me = signedIn(session);
        Ticket ticket = support.note(number, text.body(), me.actor());
        return TicketJson.of(ticket, support.conversation(ticket, me.actor()));
    }

    @GetMapping("/customers/{id}")
    ResponseEntity<CustomerView> customer(@PathVariable("id") String id, HttpSession session) {
        SignedIn me = signedIn(session);
        if (me.customer() && !me.id().equals(id)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        CustomerRecord record = crm.record(id).orElse(null);
        if (record == null) {
            return ResponseEntity.notFound().build();
        }
        Actor viewer = me.actor();
        List<TicketJson> tickets = support.ticketsOf(id, viewer).stream().map(t -> TicketJson.of(t, List.of())).toList();
        return ResponseEntity.ok(new CustomerView(id, record.customer().name(), record.customer().email(),
                record.account().name(), record.account().segment(), record.manager().name(),
                me.customer() ? List.of() : record.activities(), tickets));
    }

    @PostMapping("/customers/{id}/calls")
    ResponseEntity<TicketJson> call(@PathVariable("id") String id, @RequestBody Call call, HttpSession session) {
        SignedIn me = signedIn(session);
        if (me.customer()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        Ticket ticket = support.logCall(me.id(), id, call.subject(), call.notes());
        return ResponseEntity.created(URI.create("/api/tickets/" + ticket.number().value()))
                .body(TicketJson.of(ticket, support.conversation(ticket, me.actor())));
    }

    private static SignedIn signedIn(HttpSession session) {
        return SignedIn.of(session).orElseThrow(() -> new NotSignedIn("sign in with POST /login first"));
    }
}
