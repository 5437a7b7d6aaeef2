package dev.helpdesk.examples.crm.web;

/** A page or endpoint was asked for by someone not signed in with the role it needs. */
final class NotSignedIn extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotSignedIn(String message) {
        super(message);
    }
}
