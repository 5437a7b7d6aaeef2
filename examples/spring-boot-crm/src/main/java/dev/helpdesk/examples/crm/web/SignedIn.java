package dev.helpdesk.examples.crm.web;

import dev.helpdesk.spi.party.Actor;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;

/**
 * Who is signed in to this browser session: a customer of the CRM, or a member of its support
 * staff. The example's sign-in is a choice from a list (no passwords): a host puts its own
 * authentication here.
 *
 * @param customer true for a customer, false for staff
 * @param id       the CRM's id
 * @param name     the display name
 */
public record SignedIn(boolean customer, String id, String name) implements Serializable {
    /** The session attribute it is kept under. */
    static final String ATTRIBUTE = "crm.signedIn";

    /**
     * The desk's actor for this person.
     *
     * @return a customer or an agent actor
     */
    public Actor actor() {
        return customer ? Actor.customer(id) : Actor.agent(id);
    }

    /**
     * Who is signed in to a session.
     *
     * @param session the session
     * @return the person, if anyone signed in
     */
    static Optional<SignedIn> of(HttpSession session) {
        return session == null ? Optional.empty() : Optional.ofNullable((SignedIn) session.getAttribute(ATTRIBUTE));
    }
}
