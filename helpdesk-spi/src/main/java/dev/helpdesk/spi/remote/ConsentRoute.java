package dev.helpdesk.spi.remote;

/** How the customer answered a consent request. */
public enum ConsentRoute {
    /** With the single-use, expiring link the desk issued with the request. */
    LINK,
    /** Signed in to the host's portal, as an authenticated customer action. */
    PORTAL
}
