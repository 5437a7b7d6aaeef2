package dev.helpdesk.spi.phone;

/** How a call ended. */
public enum CallOutcome {
    /** The agent solved the request on the call: its ticket is opened and solved at once. */
    SOLVED_ON_CALL,
    /** The request needs more work: its ticket stays open. */
    TICKET_OPENED,
    /**
     * Someone calls the customer back: the ticket is a callback request, in the hotline's
     * callback category, with that category's SLA target. A call outside the hotline's hours
     * always ends so.
     */
    CALLBACK_PROMISED
}
