package dev.helpdesk.examples.crm.web;

import dev.helpdesk.examples.crm.desk.Rejected;
import dev.helpdesk.examples.crm.desk.SupportService;
import dev.helpdesk.examples.crm.directory.Account;
import dev.helpdesk.examples.crm.directory.CrmRepository;
import dev.helpdesk.examples.crm.directory.Customer;
import dev.helpdesk.spi.sla.ClockState;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.visit.Visit;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agent desk: the queue by SLA due time with the clocks, and a ticket with every message,
 * the work on it (reply, internal note, escalate, merge, plan a visit, link an article) and the
 * CRM's record of the customer beside it.
 */
@Controller
class DeskController {
    private final SupportService support;
    private final CrmRepository crm;
    private final Clock clock;

    DeskController(SupportService support, CrmRepository crm, Clock clock) {
        this.support = support;
        this.crm = crm;
        this.clock = clock;
    }

    /**
     * One line of the queue.
     *
     * @param ticket     the ticket
     * @param customer   the requester in the CRM
     * @param account    the requester's account
     * @param response   the first- or next-response clock that runs, if any
     * @param resolution the resolution clock, if any
     */
    record QueueLine(Ticket ticket, Optional<Customer> customer, Optional<Account> account,
                     Optional<ClockState> response, Optional<ClockState> resolution) {
    }

    @GetMapping("/desk")
    String queue(HttpSession session, Model model) {
        SignedIn me = agent(session);
        List<QueueLine> lines = support.queue(me.actor()).stream().map(t -> {
            List<ClockState> clocks = support.clocks(t, me.actor());
            Optional<ClockState> response = clocks.stream().filter(c -> c.kind() == ClockKind.FIRST_RESPONSE
                    || c.kind() == ClockKind.NEXT_RESPONSE).filter(c -> c.isRunning() || c.isBreached()).findFirst()
                    .or(() -> clocks.stream().filter(c -> c.kind() == ClockKind.FIRST_RESPONSE).findFirst());
            Optional<ClockState> resolution = clocks.stream().filter(c -> c.kind() == ClockKind.RESOLUTION).findFirst();
            String requester = t.requester().value();
            return new QueueLine(t, crm.customer(requester), crm.accountOf(requester), response, resolution);
        }).toList();
        model.addAttribute("lines", lines);
        return "desk/queue";
    }

    @GetMapping("/desk/tickets/{number}")
    String ticket(@PathVariable("number") long number, @RequestParam(name = "q", required = false) String search,
                  HttpSession session, Model model) {
        SignedIn me = agent(session);
        Ticket ticket = support.ticket(number, me.actor());
        model.addAttribute("ticket", ticket);
        model.addAttribute("messages", support.conversation(ticket, me.actor()));
        model.addAttribute("files", support.attachments(ticket, me.actor()));
        model.addAttribute("clocks", support.clocks(ticket, me.actor()));
        model.addAttribute("visits", support.visits(ticket, me.actor()));
        model.addAttribute("articles", support.articlesFor(ticket, search));
        model.addAttribute("linked", support.linkedArticles(ticket, me.actor()));
        model.addAttribute("history", support.history(ticket, me.actor(), 12));
        model.addAttribute("q", search == null ? "" : search);
        model.addAttribute("record", crm.record(ticket.requester().value()).orElse(null));
        model.addAttribute("technicians", crm.staff().stream().filter(s -> s.skills().stream()
                .anyMatch(k -> k.startsWith("region:"))).toList());
        model.addAttribute("visitDay", nextWorkingDay(LocalDate.now(clock.withZone(Views.ZONE))));
        return "desk/ticket";
    }

    @PostMapping("/desk/tickets/{number}/reply")
    String reply(@PathVariable("number") long number, @RequestParam(name = "body", required = false) String body,
                 @RequestParam(name = "solve", defaultValue = "false") boolean solve, HttpSession session,
                 RedirectAttributes redirect) {
        SignedIn me = agent(session);
        return act(number, redirect, () -> {
            support.reply(number, body, me.actor());
            if (solve) {
                support.solve(number, me.actor());
                return "Reply sent and ticket solved.";
            }
            return "Reply sent to the customer.";
        });
    }

    @PostMapping("/desk/tickets/{number}/note")
    String note(@PathVariable("number") long number, @RequestParam(name = "body", required = false) String body,
                HttpSession session, RedirectAttributes redirect) {
        SignedIn me = agent(session);
        return act(number, redirect, () -> {
            support.note(number, body, me.actor());
            return "Internal note added.";
        });
    }

    @PostMapping("/desk/tickets/{number}/take")
    String take(@PathVariable("number") long number, HttpSession session, RedirectAttributes redirect) {
        SignedIn me = agent(session);
        return act(number, redirect, () -> {
            support.take(number, me.actor());
            return "The ticket is yours.";
        });
    }

    @PostMapping("/desk/tickets/{number}/solve")
    String solve(@PathVariable("number") long number, HttpSession session, RedirectAttributes redirect) {
        SignedIn me = agent(session);
        return act(number, redirect, () -> {
            support.solve(number, me.actor());
            return "Ticket solved.";
        });
    }

    @PostMapping("/desk/tickets/{number}/escalate")
    String escalate(@PathVariable("number") long number, @RequestParam(name = "tier", required = false) String tier,
                    @RequestParam(name = "reason", required = false) String reason, HttpSession session,
                    RedirectAttributes redirect) {
        SignedIn me = agent(session);
        return act(number, redirect, () -> "Escalated to " + support.escalate(number, tier, reason, me.actor()).tier() + ".");
    }

    @PostMapping("/desk/tickets/{number}/merge")
    String merge(@PathVariable("number") long number, @RequestParam(name = "into", required = false) String into,
                 HttpSession session, RedirectAttributes redirect) {
        SignedIn me = agent(session);
        try {
            Ticket target = support.merge(number, into, me.actor());
            redirect.addFlashAttribute("notice", "Ticket #" + number + " was merged into this ticket.");
            return "redirect:/desk/tickets/" + target.number().value();
        } catch (Rejected e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/desk/tickets/" + number;
        }
    }

    @PostMapping("/desk/tickets/{number}/visit")
    String visit(@PathVariable("number") long number, @RequestParam(name = "technician", required = false) String technician,
                 @RequestParam(name = "day", required = false) String day,
                 @RequestParam(name = "time", required = false) String time,
                 @RequestParam(name = "hours", defaultValue = "2") int hours, HttpSession session,
                 RedirectAttributes redirect) {
        SignedIn me = agent(session);
        return act(number, redirect, () -> {
            java.time.Instant start;
            try {
                start = LocalDate.parse(day).atTime(LocalTime.parse(time)).atZone(Views.ZONE).toInstant();
            } catch (DateTimeParseException | NullPointerException e) {
                throw new Rejected(dev.helpdesk.spi.rejection.Rejection.Invalid.of("start", "needs a day and a time"));
            }
            Visit visit = support.planVisit(number, technician, start, hours, me.actor());
            return "Visit planned: " + visit.technician().value() + " at " + visit.address().city() + ".";
        });
    }

    @PostMapping("/desk/tickets/{number}/articles")
    String link(@PathVariable("number") long number, @RequestParam(name = "article", required = false) String article,
                @RequestParam(name = "solve", defaultValue = "false") boolean solve, HttpSession session,
                RedirectAttributes redirect) {
        SignedIn me = agent(session);
        return act(number, redirect, () -> {
            support.linkArticle(number, article, solve, me.actor());
            return solve ? "Solved with the article." : "Article linked to the ticket.";
        });
    }

    @PostMapping("/desk/customers/{id}/calls")
    String call(@PathVariable("id") String customer, @RequestParam(name = "subject", required = false) String subject,
                @RequestParam(name = "notes", required = false) String notes, HttpSession session,
                RedirectAttributes redirect) {
        SignedIn me = agent(session);
        try {
            Ticket ticket = support.logCall(me.id(), customer, subject, notes);
            redirect.addFlashAttribute("notice", "Call logged in the CRM and ticket " + ticket.number() + " opened.");
            return "redirect:/desk/tickets/" + ticket.number().value();
        } catch (Rejected e) {
            redirect.addFlashAttribute("error", "Nothing was saved: " + e.getMessage());
        } catch (DataAccessException e) {
            redirect.addFlashAttribute("error", "Nothing was saved: the CRM refused the call ("
                    + e.getMostSpecificCause().getMessage() + ")");
        }
        return "redirect:/desk";
    }

    /** The first day after this one that the office works (Monday to Friday). */
    static LocalDate nextWorkingDay(LocalDate today) {
        LocalDate day = today.plusDays(1);
        while (day.getDayOfWeek().getValue() > 5) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static String act(long number, RedirectAttributes redirect, Supplier<String> work) {
        try {
            redirect.addFlashAttribute("notice", work.get());
        } catch (Rejected e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/desk/tickets/" + number;
    }

    private static SignedIn agent(HttpSession session) {
        return SignedIn.of(session).filter(s -> !s.customer())
                .orElseThrow(() -> new NotSignedIn("the desk is for staff"));
    }
}
