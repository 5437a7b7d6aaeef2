package dev.helpdesk.examples.crm.web;

import dev.helpdesk.examples.crm.directory.Account;
import dev.helpdesk.examples.crm.directory.CrmRepository;
import dev.helpdesk.examples.crm.directory.Customer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The example's sign-in: pick a customer (to the portal) or a member of the support staff (to
 * the agent desk). No passwords: a host puts its own authentication in place of this page.
 */
@Controller
class LoginController {
    private final CrmRepository crm;

    LoginController(CrmRepository crm) {
        this.crm = crm;
    }

    @GetMapping("/")
    String home(HttpSession session) {
        return SignedIn.of(session).map(s -> s.customer() ? "redirect:/portal" : "redirect:/desk")
                .orElse("redirect:/login");
    }

    @GetMapping("/login")
    String login(Model model) {
        Map<String, Account> accounts = crm.customers().stream().map(Customer::accountId).distinct()
                .map(crm::account).flatMap(java.util.Optional::stream)
                .collect(Collectors.toMap(Account::id, Function.identity()));
        model.addAttribute("customers", crm.customers());
        model.addAttribute("accounts", accounts);
        model.addAttribute("staff", crm.staff().stream().filter(s -> s.support()).toList());
        return "login";
    }

    @PostMapping("/login")
    String signIn(@RequestParam("who") String who, HttpServletRequest request) {
        String[] parts = who.split(":", 2);
        if (parts.length != 2) {
            return "redirect:/login";
        }
        SignedIn signedIn;
        if (parts[0].equals("customer")) {
            signedIn = crm.customer(parts[1]).map(c -> new SignedIn(true, c.id(), c.name())).orElse(null);
        } else {
            signedIn = crm.staff(parts[1]).filter(s -> s.support()).map(s -> new SignedIn(false, s.id(), s.name()))
                    .orElse(null);
        }
        if (signedIn == null) {
            return "redirect:/login";
        }
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        request.getSession(true).setAttribute(SignedIn.ATTRIBUTE, signedIn);
        return signedIn.customer() ? "redirect:/portal" : "redirect:/desk";
    }

    @PostMapping("/logout")
    String signOut(HttpSession session) {
        session.invalidate();
        return "redirect:/login";
    }
}
