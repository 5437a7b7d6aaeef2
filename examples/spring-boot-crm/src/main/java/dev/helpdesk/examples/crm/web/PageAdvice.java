package dev.helpdesk.examples.crm.web;

import dev.helpdesk.examples.crm.desk.Rejected;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page has: who is signed in; and the way back to sign-in for those who are not. */
@ControllerAdvice(assignableTypes = {PortalController.class, DeskController.class, LoginController.class})
class PageAdvice {

    @ModelAttribute("me")
    SignedIn me(HttpSession session) {
        return SignedIn.of(session).orElse(null);
    }

    @ExceptionHandler(NotSignedIn.class)
    String signIn() {
        return "redirect:/login";
    }

    @ExceptionHandler(Rejected.class)
    String notFound(Rejected rejected, org.springframework.ui.Model model) {
        model.addAttribute("problem", rejected.getMessage());
        return "problem";
    }
}
