package dev.helpdesk.core;

import static dev.helpdesk.core.Fixture.ACME;
import static dev.helpdesk.core.Fixture.ANA;
import static dev.helpdesk.core.Fixture.CAROL;
import static dev.helpdesk.core.Fixture.DAVE;
import static dev.helpdesk.core.Fixture.ok;
import static dev.helpdesk.core.Fixture.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.attachment.FileSystemAttachmentStore;
import dev.helpdesk.core.attachment.FileSystemStoreSettings;
import dev.helpdesk.core.portal.FormField;
import dev.helpdesk.core.portal.Upload;
import dev.helpdesk.core.time.TimeOrderedIdGenerator;
import dev.helpdesk.core.portal.PortalSettings;
import dev.helpdesk.core.portal.WebForm;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.CustomField;
import dev.helpdesk.spi.ticket.Message;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketQuery;
import dev.helpdesk.spi.ticket.Visibility;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portal: a customer's own tickets, public conversation and replies; web forms with required fields. */
class PortalDeskTest {
    private static final WebForm RETURNS = WebForm.builder().name("returns").category(Category.ORDERS_AND_SHIPPING)
            .addField(FormField.required("order"))
            .addField(FormField.optional("reason"))
            .addField(new FormField("internal-score", Optional.of("score"), false))
            .addField(new FormField("colour", Optional.empty(), false))
            .build();
    private final Fixture f = new Fixture(b -> b
            .customFields(CustomField.text("order").withAccess(CustomField.Access.CUSTOMER_SETS),
                    CustomField.text("reason").withAccess(CustomField.Access.CUSTOMER_SETS), CustomField.number("score"))
            .portal(PortalSettings.builder().addForm(RETURNS).build()));
    private final PortalDesk portal = f.desk.tenant(ACME).portal();

    private int tickets() {
        return ok(f.acme.list(TicketQuery.all(), PageRequest.first(100), ANA)).items().size();
    }

    @Test
    void a_customer_lists_reads_and_answers_only_their_own_tickets_without_internal_notes() {
        Ticket mine = f.openedBy(CAROL);
        Ticket theirs = f.openedBy(DAVE);
        ok(f.acme.note(mine.id(), "internal: refund approved", ANA));
        ok(f.acme.reply(mine.id(), "We are on it.", Channel.EMAIL, ANA));

        assertEquals(List.of(mine.id()), ok(portal.myTickets(PageRequest.first(10), CAROL)).items().stream()
                .map(Ticket::id).toList());
        List<Message> conversation = ok(portal.conversation(mine.id(), CAROL));
        assertTrue(conversation.stream().allMatch(m -> m.visibility() == Visibility.PUBLIC));
        assertEquals("We are on it.", conversation.get(conversation.size() - 1).body());
        Ticket replied = ok(portal.reply(mine.id(), "Thanks, waiting.", CAROL));
        assertEquals(Channel.SELF_SERVICE, replied.messages().get(replied.messages().size() - 1).channel());
        assertInstanceOf(Rejection.NotFound.class, rejected(portal.ticket(theirs.id(), CAROL)));
        assertInstanceOf(Rejection.NotFound.class, rejected(portal.reply(theirs.id(), "hi", CAROL)));
    }

    @Test
    void staff_do_not_use_the_portal() {
        assertInstanceOf(Rejection.NotAllowed.class, rejected(portal.myTickets(PageRequest.first(10), ANA)));
    }

    @Test
    void a_web_form_opens_a_web_form_ticket_with_its_fields_in_custom_fields() {
        Ticket t = ok(portal.submit("returns", Map.of("subject", "Return a kettle", "description", "It leaks.",
                "order", "5531", "colour", "red"), CAROL));

        Ticket staffView = ok(f.acme.get(t.id(), ANA));
        assertEquals(Channel.WEB_FORM, staffView.channel());
        assertEquals(Category.ORDERS_AND_SHIPPING, staffView.category());
        assertEquals("5531", staffView.fields().get("order"));
        assertTrue(staffView.messages().get(0).body().contains("colour: red"));
    }

    @Test
    void a_web_form_missing_required_inputs_or_with_unknown_ones_is_refused_naming_each_and_writes_nothing() {
        Rejection.Invalid r = assertInstanceOf(Rejection.Invalid.class, rejected(portal.submit("returns",
                Map.of("description", " ", "coupon", "X1"), CAROL)));

        for (String field : List.of("subject", "description", "order", "coupon")) {
            assertTrue(r.names(field), field + " in " + r.message());
        }
        assertEquals(0, tickets());
    }

    @Test
    void a_value_the_custom_field_refuses_is_named_by_the_forms_input() {
        Rejection.Invalid r = assertInstanceOf(Rejection.Invalid.class, rejected(portal.submit("returns",
                Map.of("subject", "Return", "description", "Leaks", "order", "5531", "internal-score", "9"), CAROL)));

        assertTrue(r.names("internal-score"), r.message());
        assertEquals(0, tickets());
    }

    @Test
    void an_unknown_form_is_not_found() {
        assertInstanceOf(Rejection.NotFound.class, rejected(portal.submit("warranty", Map.of(), CAROL)));
    }

    @Test
    void a_form_posted_twice_under_one_key_opens_one_ticket_and_a_reply_posted_twice_adds_one_message() {
        dev.helpdesk.spi.idempotency.IdempotencyKey post = dev.helpdesk.spi.idempotency.IdempotencyKey.of("form-post-1");
        Map<String, String> inputs = Map.of("subject", "Return a kettle", "description", "It leaks.", "order", "5531");

        Ticket first = ok(portal.submit(post, "returns", inputs, CAROL));
        Ticket again = ok(portal.submit(post, "returns", inputs, CAROL));
        dev.helpdesk.spi.idempotency.IdempotencyKey reply = dev.helpdesk.spi.idempotency.IdempotencyKey.of("reply-1");
        ok(portal.reply(reply, first.id(), "Any news?", CAROL));
        ok(portal.reply(reply, first.id(), "Any news?", CAROL));

        assertEquals(first, again);
        assertEquals(1, tickets());
        assertEquals(1, ok(portal.conversation(first.id(), CAROL)).stream().filter(m -> m.body().equals("Any news?")).count());
    }

    // ---- files and ratings ----------------------------------------------------------------

    private static Upload file(String name, String type, byte[] bytes) {
        return new Upload(name, type, new java.io.ByteArrayInputStream(bytes));
    }

    private static long storedFiles(java.nio.file.Path root) throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> all = java.nio.file.Files.walk(root)) {
            return all.filter(java.nio.file.Files::isRegularFile).count();
        }
    }

    private static Fixture withFiles(java.nio.file.Path root, long maxBytes) {
        return new Fixture(b -> b
                .customFields(CustomField.text("order").withAccess(CustomField.Access.CUSTOMER_SETS),
                        CustomField.text("reason").withAccess(CustomField.Access.CUSTOMER_SETS), CustomField.number("score"))
                .portal(PortalSettings.builder().addForm(RETURNS).maxAttachmentBytes(maxBytes)
                        .attachments(new FileSystemAttachmentStore(FileSystemStoreSettings.builder().root(root).build(),
                                new TimeOrderedIdGenerator(java.time.Clock.systemUTC())))
                        .build()));
    }

    @Test
    void files_attached_to_a_submission_and_a_reply_are_on_the_ticket_with_name_type_size_and_checksum(
            @TempDir java.nio.file.Path root) throws Exception {
        Fixture g = withFiles(root, 1024);
        PortalDesk p = g.desk.tenant(ACME).portal();
        byte[] receipt = "receipt 5531: kettle, 39.95".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] photo = new byte[700];
        java.util.Arrays.fill(photo, (byte) 7);

        Ticket t = ok(p.submit("returns", Map.of("subject", "Return a kettle", "description", "It leaks.", "order", "5531"),
                List.of(file("receipt.txt", "text/plain", receipt)), CAROL));
        Ticket replied = ok(p.reply(t.id(), "A photo of the leak.", List.of(file("leak.jpg", "image/jpeg", photo)), CAROL));

        assertEquals(t.id(), replied.id());
        assertEquals(Channel.WEB_FORM, ok(g.acme.get(t.id(), ANA)).channel());
        List<dev.helpdesk.spi.ticket.TicketEvent.AttachmentAdded> files = ok(p.attachments(t.id(), CAROL));
        assertEquals(List.of("receipt.txt", "leak.jpg"), files.stream().map(a -> a.name()).toList());
        assertEquals(List.of("text/plain", "image/jpeg"), files.stream().map(a -> a.mediaType()).toList());
        assertEquals(List.of((long) receipt.length, 700L), files.stream().map(a -> a.size()).toList());
        assertEquals(sha256(receipt), files.get(0).checksum());
        assertEquals(sha256(photo), files.get(1).checksum());
        // each file belongs to its message: the opening's description and the reply
        List<Message> messages = ok(g.acme.get(t.id(), ANA)).messages();
        assertEquals(messages.get(0).id(), files.get(0).message());
        assertEquals(messages.get(messages.size() - 1).id(), files.get(1).message());
        assertEquals(Channel.SELF_SERVICE, messages.get(messages.size() - 1).channel());
        try (java.io.InputStream in = ok(p.download(t.id(), files.get(1).storageKey(), CAROL))) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(photo, in.readAllBytes());
        }
        // another customer sees neither the files nor the bytes
        assertInstanceOf(Rejection.NotFound.class, rejected(p.attachments(t.id(), DAVE)));
        assertInstanceOf(Rejection.NotFound.class, rejected(p.download(t.id(), files.get(1).storageKey(), DAVE)));
        assertInstanceOf(Rejection.NotFound.class, rejected(p.download(t.id(), "no/such/key", CAROL)));
    }

    @Test
    void refused_files_or_a_refused_reply_leave_no_bytes_and_no_events(@TempDir java.nio.file.Path root) throws Exception {
        Fixture g = withFiles(root, 100);
        PortalDesk p = g.desk.tenant(ACME).portal();
        Ticket mine = g.openedBy(CAROL);
        Ticket theirs = g.openedBy(DAVE);
        int events = ok(g.acme.history(mine.id(), ANA)).size();

        // every bad part named at once, before anything is stored
        Rejection.Invalid invalid = assertInstanceOf(Rejection.Invalid.class, rejected(p.reply(mine.id(), "files",
                List.of(file("../etc/passwd", "text/plain", new byte[1]), file("a.txt", "Text/Plain", new byte[1])), CAROL)));
        assertEquals(List.of("files[0].name", "files[1].mediaType"), invalid.errors().stream().map(e -> e.field()).toList());
        // the second file is over the limit: the first, already stored, is deleted again
        invalid = assertInstanceOf(Rejection.Invalid.class, rejected(p.reply(mine.id(), "files",
                List.of(file("ok.txt", "text/plain", new byte[10]), file("big.bin", "application/octet-stream",
                        new byte[101])), CAROL)));
        assertTrue(invalid.errors().stream().allMatch(e -> e.field().startsWith("files[1]")), invalid.toString());
        // the decider refuses the reply (no text): the stored file is deleted again
        assertInstanceOf(Rejection.Invalid.class, rejected(p.reply(mine.id(), "  ",
                List.of(file("ok.txt", "text/plain", new byte[10])), CAROL)));
        // another customer's ticket: not found, nothing stored
        assertInstanceOf(Rejection.NotFound.class, rejected(p.reply(theirs.id(), "mine now",
                List.of(file("ok.txt", "text/plain", new byte[10])), CAROL)));
        // a form that misses its required inputs stores nothing
        assertInstanceOf(Rejection.Invalid.class, rejected(p.submit("returns", Map.of("subject", "Return"),
                List.of(file("ok.txt", "text/plain", new byte[10])), CAROL)));

        assertEquals(0, storedFiles(root));
        assertEquals(events, ok(g.acme.history(mine.id(), ANA)).size());
        assertEquals(List.of(), ok(p.attachments(mine.id(), CAROL)));
    }

    @Test
    void a_portal_without_an_attachment_store_refuses_files() {
        Ticket mine = f.openedBy(CAROL);
        Rejection.Invalid invalid = assertInstanceOf(Rejection.Invalid.class, rejected(portal.reply(mine.id(), "see file",
                List.of(file("a.txt", "text/plain", new byte[1])), CAROL)));
        assertEquals("files", invalid.errors().get(0).field());
    }

    @Test
    void a_customer_rates_a_solved_ticket_from_the_portal_and_cannot_rate_an_open_one() {
        Ticket mine = f.openedBy(CAROL);
        assertInstanceOf(Rejection.class, rejected(portal.rate(mine.id(), 5, "quick", CAROL)));
        ok(f.acme.assign(mine.id(), dev.helpdesk.spi.party.AgentId.of("ana"), ANA));
        ok(f.acme.solve(mine.id(), ANA));

        ok(portal.rate(mine.id(), 4, "Quick and friendly.", CAROL));

        List<dev.helpdesk.spi.ticket.TicketEvent> history = ok(f.acme.history(mine.id(), ANA)).stream().map(r -> r.event())
                .toList();
        dev.helpdesk.spi.ticket.TicketEvent.SatisfactionRated rated = history.stream()
                .filter(dev.helpdesk.spi.ticket.TicketEvent.SatisfactionRated.class::isInstance)
                .map(dev.helpdesk.spi.ticket.TicketEvent.SatisfactionRated.class::cast).findFirst().orElseThrow();
        assertEquals(4, rated.score());
        assertInstanceOf(Rejection.NotFound.class, rejected(portal.rate(mine.id(), 1, null, DAVE)));
        assertInstanceOf(Rejection.NotAllowed.class, rejected(portal.rate(mine.id(), 1, null, ANA)));
    }

    private static String sha256(byte[] bytes) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
