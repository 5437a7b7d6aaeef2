package dev.helpdesk.examples.crm.web;

import dev.helpdesk.examples.crm.desk.Rejected;
import dev.helpdesk.examples.crm.desk.SupportService;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer portal: my tickets, a new ticket with knowledge suggestions while typing, a
 * ticket's public conversation with replies and files, and the rating of a solved ticket.
 */
@Controller
class PortalController {
    /** The categories a customer chooses from. */
    static final List<Category> CATEGORIES = List.of(Category.TROUBLESHOOTING, Category.HARDWARE, Category.ACCOUNT,
            Category.BILLING, Category.ORDERS_AND_SHIPPING, Category.PRODUCT_INFORMATION, Category.COMPLAINTS);

    private final SupportService support;

    PortalController(SupportService support) {
        this.support = support;
    }

    @GetMapping("/portal")
    String myTickets(HttpSession session, Model model) {
        SignedIn me = customer(session);
        model.addAttribute("tickets", support.myTickets(me.id()));
        model.addAttribute("categories", CATEGORIES);
        return "portal/tickets";
    }

    @PostMapping("/portal/tickets")
    String open(@RequestParam(name = "subject", required = false) String subject,
                @RequestParam(name = "body", required = false) String body,
                @RequestParam(name = "category", required = false) String category,
                HttpSession session, RedirectAttributes redirect) {
        SignedIn me = customer(session);
        try {
            Ticket ticket = support.openFromPortal(me.id(), subject, body, category);
            redirect.addFlashAttribute("notice", "Ticket " + ticket.number() + " is open; we will answer you here.");
            return "redirect:/portal/tickets/" + ticket.number().value();
        } catch (Rejected e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("subject", subject);
            redirect.addFlashAttribute("body", body);
            return "redirect:/portal";
        }
    }

    @GetMapping("/portal/tickets/{number}")
    String ticket(@PathVariable("number") long number, HttpSession session, Model model) {
        SignedIn me = customer(session);
        Ticket ticket = support.ticket(number, me.actor());
        model.addAttribute("ticket", ticket);
        model.addAttribute("messages", support.conversation(ticket, me.actor()));
        model.addAttribute("files", support.attachments(ticket, me.actor()));
        boolean solved = ticket.status() == Status.SOLVED || ticket.status() == Status.CLOSED;
        model.addAttribute("rateable", solved);
        model.addAttribute("rating", support.rating(ticket, me.actor()).orElse(null));
        model.addAttribute("visits", support.visits(ticket, me.actor()));
        model.addAttribute("suggestions", solved ? List.of() : support.suggestFor(ticket.subject(),
                ticket.messages().isEmpty() ? "" : ticket.messages().get(0).body(), me.id()));
        return "portal/ticket";
    }

    @PostMapping("/portal/tickets/{number}/reply")
    String reply(@PathVariable("number") long number, @RequestParam(name = "body", required = false) String body,
                 @RequestParam(name = "file", required = false) MultipartFile file, HttpSession session,
                 RedirectAttributes redirect) {
        SignedIn me = customer(session);
        try {
            if (file != null && !file.isEmpty()) {
                try (InputStream content = file.getInputStream()) {
                    support.replyWithFile(number, body, file.getOriginalFilename(),
                            file.getContentType() == null ? "application/octet-stream" : file.getContentType(), content,
                            me.id());
                }
                redirect.addFlashAttribute("notice", "Your message and " + file.getOriginalFilename() + " were sent.");
            } else {
                support.reply(number, body, me.actor());
                redirect.addFlashAttribute("notice", "Your message was sent.");
            }
        } catch (Rejected e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/portal/tickets/" + number;
    }

    @PostMapping("/portal/tickets/{number}/rate")
    String rate(@PathVariable("number") long number, @RequestParam(name = "score", defaultValue = "0") int score,
                @RequestParam(name = "comment", required = false) String comment, HttpSession session,
                RedirectAttributes redirect) {
        SignedIn me = customer(session);
        try {
            support.rate(number, score, comment, me.actor());
            redirect.addFlashAttribute("notice", "Thank you for rating our help.");
        } catch (Rejected e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/portal/tickets/" + number;
    }

    @PostMapping("/portal/tickets/{number}/solved-by")
    String solvedBy(@PathVariable("number") long number, @RequestParam("article") String article, HttpSession session,
                    RedirectAttributes redirect) {
        SignedIn me = customer(session);
        try {
            support.solvedBy(number, article, me.id());
            redirect.addFlashAttribute("notice", "Glad the article helped; the ticket is closed.");
        } catch (Rejected e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/portal/tickets/" + number;
    }

    @GetMapping("/portal/articles/{id}")
    String article(@PathVariable("id") String id, HttpSession session, Model model) {
        SignedIn me = customer(session);
        model.addAttribute("article", support.article(id, me.id()));
        return "portal/article";
    }

    /** Suggestions while the customer types: the page asks as the subject and text change. */
    @GetMapping("/portal/suggestions")
    @ResponseBody
    List<Map<String, String>> suggestions(@RequestParam(name = "subject", defaultValue = "") String subject,
                                          @RequestParam(name = "body", defaultValue = "") String body,
                                          HttpSession session) {
        SignedIn me = customer(session);
        return support.suggestFor(subject, body, me.id()).stream().map(hit -> Map.of("id", hit.id().toString(),
                "title", hit.title(), "snippet", hit.snippet().html())).toList();
    }

    private static SignedIn customer(HttpSession session) {
        return SignedIn.of(session).filter(SignedIn::customer)
                .orElseThrow(() -> new NotSignedIn("the portal is for customers"));
    }
}
