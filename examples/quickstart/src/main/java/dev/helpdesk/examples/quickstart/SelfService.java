package dev.helpdesk.examples.quickstart;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.KnowledgeDesk;
import dev.helpdesk.core.TicketDesk;
import dev.helpdesk.core.knowledge.ArticleForm;
import dev.helpdesk.core.knowledge.ArticleView;
import dev.helpdesk.core.knowledge.VariantForm;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.core.time.SettableClock;
import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.search.lucene.LuceneKnowledgeSearch;
import dev.helpdesk.spi.knowledge.Article;
import dev.helpdesk.spi.knowledge.ArticleOrigin;
import dev.helpdesk.spi.knowledge.ArticleStats;
import dev.helpdesk.spi.knowledge.SearchHit;
import dev.helpdesk.spi.knowledge.Viewer;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketStore;
import io.vavr.control.Either;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Self-service at Initech's portal: agents write a help article in four languages and publish
 * it; while a Dutch customer types a ticket, the desk suggests it in Dutch; the article solves
 * her problem, so her ticket is closed as self-served and a deflection counted; readers vote;
 * an agent links the article in a reply and solves another ticket with it; a forum answer
 * becomes a draft once. Articles and votes live beside the tickets (in the database when the
 * demo runs on one); search is Lucene in memory, rebuilt from the store at start.
 */
final class SelfService {
    private static final TenantId INITECH = TenantId.of("initech");

    private final PrintStream out;
    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T14:00:00Z"));
    private final Helpdesk desk;
    private final Actor ana = Actor.agent("ana");
    private final Actor ines = Actor.customer("ines");
    private final Actor jon = Actor.customer("jon");

    SelfService(PrintStream out, TicketStore store) {
        this.out = out;
        Helpdesk.Builder builder = Helpdesk.builder().store(store).clock(clock).plugin(LuceneKnowledgeSearch.inMemory())
                .knowledgeFallbacks(INITECH, dev.helpdesk.spi.knowledge.ContentLocale.ENGLISH);
        if (store instanceof JdbcTicketStore jdbc) {
            builder.knowledgeStore(jdbc.knowledge()).knowledgeFeedback(jdbc.knowledgeFeedback());
        }
        this.desk = builder.build();
    }

    void run() {
        out.println();
        out.println("Self-service at initech");
        out.println("-".repeat(78));
        KnowledgeDesk kb = desk.tenant(INITECH).knowledge();
        TicketDesk tickets = desk.tenant(INITECH).tickets();
        kb.rebuildIndex();

        Article draft = ok(kb.write(ArticleForm.of("article", "technical.hardware", "public",
                VariantForm.of("en", "Printer shows offline", "Check the **cable** and the Wi-Fi, then restart the printer.\n\n"
                        + "<script>alert('never runs')</script>\n\n[Driver downloads](https://support.example/drivers)"),
                VariantForm.of("nl", "Printer staat offline", "Controleer de **kabel** en het wifi-netwerk en start de "
                        + "printer opnieuw."),
                VariantForm.of("es", "La impresora aparece sin conexión", "Revise el cable y la red wifi y reinicie la impresora."),
                VariantForm.of("ru", "Принтер не в сети", "Проверьте кабель и сеть Wi-Fi, затем перезапустите принтер."))
                .withTags("printer").withNote("first version"), ana));
        Article printer = ok(kb.publish(draft.id(), draft.revision(), ana));
        out.println("ana published \"" + printer.published().orElseThrow().content().variants().get(0).title() + "\" in "
                + printer.published().orElseThrow().content().locales() + " (version "
                + printer.publishedVersion().orElseThrow() + ")");
        ArticleView page = ok(kb.read(printer.id(), Viewer.ANONYMOUS, "en"));
        out.println("its page as HTML: " + page.html().strip().replace("\n", " "));

        clock.advance(Duration.ofMinutes(5));
        List<SearchHit> suggestions = ok(kb.suggest("Printer offline", "Mijn printer staat sinds vanochtend offline",
                Viewer.customer(Set.of()), "nl-BE", 3));
        out.println("Suggestions while ines writes her ticket (nl-BE):");
        for (int i = 0; i < suggestions.size(); i++) {
            SearchHit hit = suggestions.get(i);
            out.println("  " + (i + 1) + ". " + hit.title() + " (" + hit.locale() + ")  " + hit.snippet().html());
        }
        Ticket started = ok(tickets.open(TicketCommand.open().subject("Printer offline")
                .body("Mijn printer staat sinds vanochtend offline").channel(Channel.SELF_SERVICE).category(Category.HARDWARE)
                .requester(CustomerId.of("ines")).build(), ines));
        Ticket closed = ok(kb.solvedMyProblem(suggestions.get(0).id(), Viewer.customer(Set.of()), ines, started.id()));
        out.println("ines: \"this solved my problem\" -> ticket #" + closed.number().value() + " " + closed.status()
                + " as self-served");

        ok(kb.vote(printer.id(), Viewer.ANONYMOUS, Actor.integration("portal-visitor"), true, null));
        ok(kb.vote(printer.id(), Viewer.customer(Set.of()), jon, false, "My printer has no Wi-Fi menu"));
        out.println("votes: helpful, and not helpful with \"My printer has no Wi-Fi menu\"");

        clock.advance(Duration.ofMinutes(10));
        Ticket asked = ok(tickets.open(TicketCommand.open().subject("Printer not printing").body("It says offline.")
                .channel(Channel.EMAIL).category(Category.HARDWARE).requester(CustomerId.of("jon")).build(), jon));
        ok(tickets.assign(asked.id(), AgentId.of("ana"), ana));
        ok(tickets.reply(asked.id(), "Please follow https://help.initech.example/a/" + printer.id(), Channel.EMAIL, ana));
        ok(kb.linkToTicket(asked.id(), printer.id(), ana));
        Ticket solved = ok(kb.solveWith(asked.id(), printer.id(), ana));
        out.println("ana linked the article on #" + asked.number().value() + " and solved it with the article: "
                + solved.status());

        ArticleOrigin forum = ArticleOrigin.of(ArticleOrigin.Kind.FORUM_ANSWER, "forum-post-311");
        ArticleForm answer = ArticleForm.of("faq", "general.community", "public",
                VariantForm.of("en", "Resetting the toner counter", "Hold the cancel button for five seconds."));
        Article fromForum = ok(kb.draftFrom(forum, answer, Actor.integration("forum")));
        Article again = ok(kb.draftFrom(forum, answer, Actor.integration("forum")));
        out.println("a forum answer became draft " + fromForum.status() + " from " + forum + "; offered again: "
                + (again.id().equals(fromForum.id()) ? "the same draft" : "a second draft"));

        ArticleStats stats = ok(kb.stats(printer.id(), ana));
        out.println("\"" + page.title() + "\": deflections " + stats.deflections() + ", helpful " + stats.helpful()
                + ", not helpful " + stats.notHelpful() + ", linked " + stats.linked() + ", solved tickets "
                + stats.solvedTickets());
        Rejection tooLong = kb.search("x".repeat(10_000), Viewer.ANONYMOUS, "en", 5).getLeft();
        out.println("a 10,000-character search: " + tooLong.message());
    }

    private static <T> T ok(Either<Rejection, T> result) {
        return result.getOrElseThrow(r -> new IllegalStateException("unexpected rejection: " + r.message()));
    }
}
