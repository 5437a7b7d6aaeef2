package dev.helpdesk.spi.remote;

/** What a consent lets the agent do on the customer's device. */
public enum ConsentScope {
    /** The agent sees the customer's screen and does nothing on it. */
    VIEW_ONLY,
    /** The agent sees the screen and controls the device (mouse, keyboard, files). */
    CONTROL
}
