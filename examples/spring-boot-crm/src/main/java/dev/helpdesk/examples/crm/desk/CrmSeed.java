package dev.helpdesk.examples.crm.desk;

import dev.helpdesk.core.TenantDesk;
import dev.helpdesk.core.knowledge.ArticleForm;
import dev.helpdesk.core.knowledge.VariantForm;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.examples.crm.directory.Account;
import dev.helpdesk.examples.crm.directory.CrmRepository;
import dev.helpdesk.examples.crm.directory.Customer;
import dev.helpdesk.examples.crm.directory.Staff;
import dev.helpdesk.spi.knowledge.Article;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Ticket;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty CRM at start: three accounts with their people, the staff, the knowledge base's
 * first articles and a few tickets, so the portal and the desk have something to show. A CRM
 * that has customers already is left as it is.
 */
@Component
public class CrmSeed implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CrmSeed.class);

    private final CrmRepository crm;
    private final TenantDesk desk;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /**
     * A seed for the CRM and its desk.
     *
     * @param crm          the CRM's tables
     * @param desk         the CRM's tenant of the desk
     * @param transactions Spring's transactions
     * @param clock        the clock
     */
    public CrmSeed(CrmRepository crm, TenantDesk desk, TransactionTemplate transactions, Clock clock) {
        this.crm = crm;
        this.desk = desk;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Boolean seeded = transactions.execute(status -> {
            if (!crm.isEmpty()) {
                return false;
            }
            people();
            return true;
        });
        if (Boolean.TRUE.equals(seeded)) {
            articles();
            tickets();
            LOG.info("Seeded the CRM: {} customers, {} staff", crm.customers().size(), crm.staff().size());
        }
    }

    private void people() {
        crm.insert(new Staff("anna", "Anna de Vries", "anna@northwind.example", "Account manager", false, "L2",
                List.of(), List.of("nl", "en"), 0));
        crm.insert(new Staff("mark", "Mark Jansen", "mark@northwind.example", "Account manager", false, "L2",
                List.of(), List.of("nl", "en"), 0));
        crm.insert(new Staff("sofia", "Sofia Martín", "sofia@northwind.example", "Support engineer", true, "L1",
                List.of("billing", "printers"), List.of("es", "en"), 12));
        crm.insert(new Staff("olga", "Olga Ivanova", "olga@northwind.example", "Support specialist", true, "L2",
                List.of("exports", "integrations"), List.of("ru", "en"), 8));
        crm.insert(new Staff("tom", "Tom Bakker", "tom@northwind.example", "Field technician", true, "L2",
                List.of("hardware", "region:amsterdam", "region:utrecht"), List.of("nl", "en"), 6));

        crm.insert(new Account("acme", "Acme Logistics", "enterprise", "anna", "Keizersgracht 100", "1015 CV",
                "Amsterdam", "amsterdam", "NL", new BigDecimal("250000.00")));
        crm.insert(new Account("globex", "Globex Retail", "business", "mark", "Oudegracht 120", "3511 AW", "Utrecht",
                "utrecht", "NL", new BigDecimal("48000.00")));
        crm.insert(new Account("initech", "Initech Studio", "starter", "mark", "Calle Mayor 5", "28013", "Madrid",
                "madrid", "ES", new BigDecimal("6000.00")));

        crm.insert(new Customer("carol", "acme", "Carol Smith", "carol@acme.example", Optional.of("+31 20 555 0101"), "en",
                Optional.empty()));
        crm.insert(new Customer("dave", "acme", "Dave Peters", "dave@acme.example", Optional.of("+31 20 555 0102"), "nl",
                Optional.empty()));
        crm.insert(new Customer("erin", "globex", "Erin Visser", "erin@globex.example", Optional.empty(), "en",
                Optional.empty()));
        crm.insert(new Customer("ivan", "initech", "Iván García", "ivan@initech.example", Optional.empty(), "es",
                Optional.empty()));
        crm.addActivity("carol", "anna", "note", "Renewal signed for three more years; wants faster label printing.", null,
                clock.instant());
        crm.addActivity("erin", "mark", "call", "Asked about moving the shops to the new price plan.", null,
                clock.instant());
    }

    private void articles() {
        Actor sofia = Actor.agent("sofia");
        publish(ArticleForm.of("article", "technical.hardware", "public",
                VariantForm.of("en", "Label printer shows offline",
                        "1. Check that the **network cable** is in and the status light is green.\n"
                                + "2. Restart the printer and wait two minutes.\n"
                                + "3. Print a test label from *Settings > Printers*."),
                VariantForm.of("nl", "Labelprinter staat offline",
                        "1. Controleer of de **netwerkkabel** erin zit en het lampje groen is.\n"
                                + "2. Start de printer opnieuw en wacht twee minuten.")), sofia);
        publish(ArticleForm.of("faq", "customer.account", "public",
                VariantForm.of("en", "Reset your password",
                        "Choose *Forgot password* on the sign-in page. The link in the email is valid for one hour."),
                VariantForm.of("es", "Restablecer la contraseña",
                        "Elija *He olvidado mi contraseña* en la página de acceso. El enlace es válido una hora.")), sofia);
        publish(ArticleForm.of("article", "customer.billing", "public",
                VariantForm.of("en", "Download your invoices",
                        "Every invoice is under *Billing > Invoices*; choose a month and **Download PDF**.")), sofia);
        publish(ArticleForm.of("tutorial", "technical.troubleshooting", "segment:enterprise",
                VariantForm.of("en", "Export shipments to CSV beyond 5,000 rows",
                        "Enterprise accounts can export any number of shipments: use **Export > Full export**, "
                                + "which runs in the background and mails a link when done.")), sofia);
    }

    private void publish(ArticleForm form, Actor author) {
        Article draft = ok(desk.knowledge().write(form, author));
        ok(desk.knowledge().publish(draft.id(), draft.revision(), author));
    }

    private void tickets() {
        Actor carol = Actor.customer("carol");
        Actor erin = Actor.customer("erin");
        Actor dave = Actor.customer("dave");
        Actor sofia = Actor.agent("sofia");
        Actor olga = Actor.agent("olga");

        Ticket labels = ok(desk.tickets().open(TicketCommand.open().subject("Label printer in warehouse 3 is offline")
                .body("Since this morning the Zebra printer at dock 3 prints nothing; the trucks leave at four.")
                .channel(Channel.SELF_SERVICE).category(Category.HARDWARE).requester(CustomerId.of("carol")).build(), carol));
        crm.addActivity("carol", null, "ticket", "Opened " + labels.number() + " in the portal: " + labels.subject(),
                labels.number().value(), clock.instant());

        Ticket export = ok(desk.tickets().open(TicketCommand.open().subject("Shipment export stops at 5,000 rows")
                .body("The monthly export for finance is cut off at 5,000 rows.").channel(Channel.EMAIL)
                .category(Category.TROUBLESHOOTING).requester(CustomerId.of("dave")).build(), dave));
        ok(desk.tickets().assign(export.id(), AgentId.of("olga"), olga));
        ok(desk.tickets().note(export.id(), "Finance needs this before Friday; Anna knows.", olga));
        ok(desk.tickets().reply(export.id(), "Thanks Dave, we are looking at the export limit now.", Channel.EMAIL, olga));

        Ticket login = ok(desk.tickets().open(TicketCommand.open().subject("Cannot sign in after the password change")
                .body("The new password is refused at every shop till.").channel(Channel.SELF_SERVICE)
                .category(Category.ACCOUNT).requester(CustomerId.of("erin")).build(), erin));
        ok(desk.tickets().assign(login.id(), AgentId.of("sofia"), sofia));

        Ticket notes = ok(desk.tickets().open(TicketCommand.open().subject("Delivery notes print twice")
                .body("Every delivery note comes out twice since Monday.").channel(Channel.SELF_SERVICE)
                .category(Category.HARDWARE).requester(CustomerId.of("carol")).build(), carol));
        ok(desk.tickets().assign(notes.id(), AgentId.of("sofia"), sofia));
        ok(desk.tickets().reply(notes.id(), "The print queue had a duplicate job rule; I removed it. Please try again.",
                Channel.EMAIL, sofia));
        ok(desk.tickets().solve(notes.id(), sofia));
    }

    private static <T> T ok(Either<Rejection, T> result) {
        return result.getOrElseThrow(r -> new IllegalStateException("seeding was refused: " + r.message()));
    }
}
