package dev.helpdesk.core.channel;

import static dev.helpdesk.core.channel.MailDesk.ACME;
import static dev.helpdesk.core.channel.MailDesk.ANA;
import static dev.helpdesk.core.channel.MailDesk.CAROL;
import static dev.helpdesk.core.channel.MailDesk.CAROL_MAIL;
import static dev.helpdesk.core.channel.MailDesk.DAVE_MAIL;
import static dev.helpdesk.core.channel.MailDesk.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.channel.Disposition;
import dev.helpdesk.spi.channel.ExternalMessageId;
import dev.helpdesk.spi.channel.IntakeOutcome;
import dev.helpdesk.spi.channel.MessageFlag;
import dev.helpdesk.spi.channel.Reason;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketStore;
import dev.helpdesk.spi.ticket.Visibility;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntakeTest {
    private final MailDesk mail = new MailDesk();

    private Ticket opened(String subject) {
        IntakeOutcome outcome = mail.intake.accept(mail.mail(CAROL_MAIL, subject, "It does not print.").build());
        return ok(mail.tickets.get(assertInstanceOf(IntakeOutcome.Opened.class, outcome).ticket(), ANA));
    }

    @Test
    void a_new_mail_opens_a_ticket_for_the_customer_the_directory_knows() {
        IntakeOutcome outcome = mail.intake.accept(mail.mail(CAROL_MAIL, "Printer offline", "It does not print.",
                "first@example.com").addAttachments(MailDesk.file("error.png", "image/png", 2048),
                MailDesk.file("logo.gif", "image/gif", 300).withDisposition(Disposition.INLINE)).build());

        Ticket ticket = ok(mail.tickets.get(assertInstanceOf(IntakeOutcome.Opened.class, outcome).ticket(), ANA));
        assertEquals(CAROL, ticket.requester());
        assertEquals("Printer offline", ticket.subject());
        assertEquals(Channel.EMAIL, ticket.channel());
        assertEquals("It does not print.", ticket.messages().get(0).body());
        assertEquals(Actor.customer("carol"), ticket.messages().get(0).author());
        TicketEvent.ExternalMessageLinked link = mail.events(ticket.id(), TicketEvent.ExternalMessageLinked.class).get(0);
        assertEquals("first@example.com", link.externalId());
        assertEquals(ticket.messages().get(0).id(), link.message());
        assertFalse(link.outbound());
        List<TicketEvent.AttachmentAdded> files = mail.events(ticket.id(), TicketEvent.AttachmentAdded.class);
        assertEquals(List.of("error.png", "logo.gif"), files.stream().map(TicketEvent.AttachmentAdded::name).toList());
        assertEquals(2048, files.get(0).size());
        assertEquals("image/png", files.get(0).mediaType());
        assertEquals("ab".repeat(32), files.get(0).checksum());
        assertTrue(files.get(1).inline());
    }

    @Test
    void the_same_message_twice_is_recorded_once() {
        var message = mail.mail(CAROL_MAIL, "Printer offline", "It does not print.", "once@example.com").build();
        IntakeOutcome first = mail.intake.accept(message);
        IntakeOutcome again = mail.intake.accept(message);

        assertInstanceOf(IntakeOutcome.Opened.class, first);
        assertEquals(new IntakeOutcome.Duplicate(ExternalMessageId.of("once@example.com")), again);
        assertTrue(again.taken());
        assertEquals(1, ok(mail.tickets.get(((IntakeOutcome.Opened) first).ticket(), ANA)).messages().size());
    }

    @Test
    void a_reply_that_refers_to_an_earlier_message_threads_onto_its_ticket() {
        IntakeOutcome first = mail.intake.accept(mail.mail(CAROL_MAIL, "Printer offline", "Help", "a@example.com").build());
        IntakeOutcome reply = mail.intake.accept(mail.mail(CAROL_MAIL, "Re: Printer offline", "Still broken", "b@example.com")
                .addReferences(ExternalMessageId.of("a@example.com")).build());

        Ticket ticket = ok(mail.tickets.get(((IntakeOutcome.Opened) first).ticket(), ANA));
        assertEquals(new IntakeOutcome.Replied(ticket.id(), ticket.number(), false), reply);
        assertEquals(List.of("Help", "Still broken"), ticket.messages().stream().map(Message::body).toList());
    }

    @Test
    void the_ticket_number_in_the_subject_finds_the_ticket_without_threading_headers() {
        Ticket ticket = opened("Printer offline");
        IntakeOutcome reply = mail.intake.accept(mail.mail(CAROL_MAIL, "Re: Printer offline " + "[#" + ticket.number().value()
                + "]", "Any news?").build());

        assertEquals(new IntakeOutcome.Replied(ticket.id(), ticket.number(), false), reply);
    }

    @Test
    void a_tenant_pattern_for_the_ticket_number_is_used_instead_of_the_default() {
        MailDesk custom = new MailDesk(b -> b.intakePolicy(ACME, IntakePolicy.builder()
                .ticketTag(dev.helpdesk.spi.channel.TicketTag.of("(ACME-{number})")).build()));
        IntakeOutcome first = custom.intake.accept(custom.mail(CAROL_MAIL, "Printer", "Help").build());
        Ticket ticket = ok(custom.tickets.get(((IntakeOutcome.Opened) first).ticket(), ANA));

        assertInstanceOf(IntakeOutcome.Opened.class, custom.intake.accept(custom.mail(CAROL_MAIL,
                "Re: Printer [#" + ticket.number().value() + "]", "Any news?").build()));
        assertInstanceOf(IntakeOutcome.Replied.class, custom.intake.accept(custom.mail(CAROL_MAIL,
                "Re: Printer (ACME-" + ticket.number().value() + ")", "Any news?").build()));
    }

    @Test
    void another_customers_ticket_number_in_the_subject_opens_a_new_ticket() {
        Ticket carols = opened("Printer offline");
        IntakeOutcome outcome = mail.intake.accept(mail.mail(DAVE_MAIL, "About [#" + carols.number().value() + "]",
                "Let me in").build());

        Ticket daves = ok(mail.tickets.get(assertInstanceOf(IntakeOutcome.Opened.class, outcome).ticket(), ANA));
        assertEquals(CustomerId.of("dave"), daves.requester());
        assertEquals(1, ok(mail.tickets.get(carols.id(), ANA)).messages().size());
    }

    @Test
    void a_customer_reply_reopens_a_solved_ticket() {
        Ticket ticket = opened("Printer offline");
        ok(mail.tickets.assign(ticket.id(), AgentId.of("ana"), ANA));
        ok(mail.tickets.solve(ticket.id(), ANA));

        IntakeOutcome reply = mail.intake.accept(mail.mail(CAROL_MAIL, "Re: Printer offline [#" + ticket.number().value() + "]",
                "It broke again").build());

        assertEquals(new IntakeOutcome.Replied(ticket.id(), ticket.number(), true), reply);
        assertEquals(Status.OPEN, ok(mail.tickets.get(ticket.id(), ANA)).status());
    }

    @Test
    void a_reply_to_a_closed_ticket_opens_a_follow_up_linked_to_it() {
        Ticket ticket = opened("Printer offline");
        ok(mail.tickets.assign(ticket.id(), AgentId.of("ana"), ANA));
        ok(mail.tickets.solve(ticket.id(), ANA));
        ok(mail.tickets.close(ticket.id(), ANA));

        IntakeOutcome reply = mail.intake.accept(mail.mail(CAROL_MAIL, "Re: Printer offline [#" + ticket.number().value() + "]",
                "It broke again", "again@example.com").build());

        IntakeOutcome.FollowUp followUp = assertInstanceOf(IntakeOutcome.FollowUp.class, reply);
        assertEquals(ticket.id(), followUp.closedTicket());
        Ticket next = ok(mail.tickets.get(followUp.ticket(), ANA));
        assertEquals(java.util.Optional.of(ticket.id()), next.followUpOf());
        assertEquals("again@example.com",
                mail.events(next.id(), TicketEvent.ExternalMessageLinked.class).get(0).externalId());
    }

    @Test
    void a_reply_to_a_merged_ticket_lands_on_the_ticket_it_was_merged_into() {
        Ticket first = opened("Printer offline");
        Ticket second = opened("Printer still offline");
        ok(mail.tickets.merge(first.id(), second.id(), ANA));

        IntakeOutcome reply = mail.intake.accept(mail.mail(CAROL_MAIL, "Re: [#" + first.number().value() + "]",
                "Any news?").build());

        assertEquals(new IntakeOutcome.Replied(second.id(), second.number(), false), reply);
        assertEquals("Any news?", ok(mail.tickets.get(second.id(), ANA)).messages().get(
                ok(mail.tickets.get(second.id(), ANA)).messages().size() - 1).body());
    }

    @Test
    void an_auto_reply_is_recorded_on_a_solved_ticket_without_reopening_it() {
        Ticket ticket = opened("Printer offline");
        ok(mail.tickets.assign(ticket.id(), AgentId.of("ana"), ANA));
        ok(mail.tickets.solve(ticket.id(), ANA));

        IntakeOutcome outcome = mail.intake.accept(mail.mail(CAROL_MAIL, "Out of office: Re: Printer offline [#"
                + ticket.number().value() + "]", "I am away until Monday.").addFlags(MessageFlag.AUTO_REPLY).build());

        IntakeOutcome.Recorded recorded = assertInstanceOf(IntakeOutcome.Recorded.class, outcome);
        assertEquals(Reason.AUTO_REPLY, recorded.reason().code());
        Ticket after = ok(mail.tickets.get(ticket.id(), ANA));
        assertEquals(Status.SOLVED, after.status());
        Message note = after.messages().get(after.messages().size() - 1);
        assertEquals(Visibility.INTERNAL, note.visibility());
        assertTrue(note.automatic());
        assertEquals(java.util.Optional.of(Reason.AUTO_REPLY),
                mail.events(ticket.id(), TicketEvent.ExternalMessageLinked.class).get(1).automatic());
        assertEquals(1, ok(mail.tickets.get(ticket.id(), Actor.customer("carol"))).messages().size(),
                "the customer does not see the recorded auto-reply");
    }

    @Test
    void a_bounce_is_recorded_on_a_closed_ticket_and_opens_nothing() {
        Ticket ticket = opened("Printer offline");
        ok(mail.tickets.assign(ticket.id(), AgentId.of("ana"), ANA));
        ok(mail.tickets.solve(ticket.id(), ANA));
        ok(mail.tickets.close(ticket.id(), ANA));
        String firstId = mail.events(ticket.id(), TicketEvent.ExternalMessageLinked.class).get(0).externalId();

        IntakeOutcome outcome = mail.intake.accept(mail.mail(ContactAddress.email("mailer-daemon@example.com"),
                "Undelivered Mail Returned to Sender", "The mail could not be delivered.")
                .addReferences(ExternalMessageId.of(firstId)).addFlags(MessageFlag.BOUNCE).build());

        assertInstanceOf(IntakeOutcome.Recorded.class, outcome);
        assertEquals(Status.CLOSED, ok(mail.tickets.get(ticket.id(), ANA)).status());
        assertEquals(1, mail.desk.tenant(ACME).tickets().history(ticket.id(), ANA).get().stream()
                .filter(r -> r.event() instanceof TicketEvent.MessagePosted m && m.message().automatic()).count());
    }

    @Test
    void an_automatic_message_that_refers_to_no_ticket_is_refused_and_opens_nothing() {
        IntakeOutcome outcome = mail.intake.accept(mail.mail(CAROL_MAIL, "Automatic reply", "Away.")
                .addFlags(MessageFlag.AUTO_REPLY).build());

        IntakeOutcome.Refused refused = assertInstanceOf(IntakeOutcome.Refused.class, outcome);
        assertEquals(Reason.AUTO_REPLY, refused.reason().code());
        assertFalse(outcome.taken());
    }

    @Test
    void an_unknown_sender_is_refused_by_default() {
        IntakeOutcome outcome = mail.intake.accept(mail.mail(ContactAddress.email("eve@example.org"), "Hi", "Hello").build());

        assertEquals(Reason.UNKNOWN_SENDER, assertInstanceOf(IntakeOutcome.Refused.class, outcome).reason().code());
    }

    @Test
    void an_unknown_sender_is_registered_by_the_directory_under_the_create_policy() {
        MailDesk creating = new MailDesk(b -> b.intakePolicy(IntakePolicy.builder().unknownSenders(UnknownSenders.CREATE).build()));
        IntakeOutcome outcome = creating.intake.accept(creating.mail(ContactAddress.email("eve@example.org"), "Hi", "Hello").build());

        Ticket ticket = ok(creating.tickets.get(assertInstanceOf(IntakeOutcome.Opened.class, outcome).ticket(), ANA));
        assertEquals(CustomerId.of("new-eve@example.org"), ticket.requester());
    }

    @Test
    void an_unknown_sender_goes_to_the_triage_group_and_their_reply_finds_the_ticket() {
        GroupId triage = GroupId.of("triage");
        MailDesk triaging = new MailDesk(b -> b.intakePolicy(IntakePolicy.builder().unknownSenders(UnknownSenders.TRIAGE)
                .triageGroup(triage).build()));
        ContactAddress eve = ContactAddress.email("eve@example.org");
        IntakeOutcome outcome = triaging.intake.accept(triaging.mail(eve, "Hi", "Hello", "eve1@example.org").build());
        Ticket ticket = ok(triaging.tickets.get(assertInstanceOf(IntakeOutcome.Opened.class, outcome).ticket(), ANA));

        assertEquals(java.util.Optional.of(triage), ticket.group());
        assertEquals(CustomerId.of("email:eve@example.org"), ticket.requester());
        assertInstanceOf(IntakeOutcome.Replied.class, triaging.intake.accept(triaging.mail(eve, "Re: Hi", "More",
                "eve2@example.org").addReferences(ExternalMessageId.of("eve1@example.org")).build()));
    }

    @Test
    void a_triage_policy_without_a_group_is_a_configuration_error() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> IntakePolicy.builder().unknownSenders(UnknownSenders.TRIAGE).build());
        assertTrue(e.getMessage().contains("triageGroup"), e.getMessage());
    }

    @Test
    void a_message_with_control_characters_in_its_subject_is_refused_naming_the_field() {
        IntakeOutcome outcome = mail.intake.accept(mail.mail(CAROL_MAIL, "Hi\u0007there", "Hello").build());

        IntakeOutcome.Refused refused = assertInstanceOf(IntakeOutcome.Refused.class, outcome);
        assertEquals(Reason.INVALID, refused.reason().code());
        assertTrue(refused.reason().detail().contains("subject"), refused.reason().detail());
    }

    @Test
    void a_text_longer_than_a_ticket_message_is_cut_with_a_note_rather_than_refused() {
        String text = "é".repeat(Message.MAX_BODY_BYTES);
        IntakeOutcome outcome = mail.intake.accept(mail.mail(CAROL_MAIL, "Long", text).build());

        Ticket ticket = ok(mail.tickets.get(assertInstanceOf(IntakeOutcome.Opened.class, outcome).ticket(), ANA));
        String body = ticket.messages().get(0).body();
        assertTrue(Message.utf8Length(body) <= Message.MAX_BODY_BYTES);
        assertTrue(body.endsWith("the channel keeps the whole original.]"), body.substring(body.length() - 80));
    }

    @Test
    void a_mail_without_a_subject_is_named_after_its_first_line() {
        IntakeOutcome outcome = mail.intake.accept(mail.mail(CAROL_MAIL, "", "The scanner jams\nevery morning.").build());

        assertEquals("The scanner jams",
                ok(mail.tickets.get(assertInstanceOf(IntakeOutcome.Opened.class, outcome).ticket(), ANA)).subject());
    }

    @Test
    void a_store_without_an_index_of_external_ids_has_no_intake() {
        var memory = new dev.helpdesk.core.memory.InMemoryTicketStore();
        // only the TicketStore face of the in-memory store: no index of external ids
        TicketStore plain = (TicketStore) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TicketStore.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(memory, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Helpdesk desk = Helpdesk.builder().store(plain).ticketNumbers(memory).build();

        assertThrows(ConfigurationException.class, desk::intake);
    }
}
