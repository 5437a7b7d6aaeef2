package dev.helpdesk.spi;

/**
 * The library was wired incorrectly by the host: a missing store, a duplicate plugin name
 * with a different implementation, an unknown database, a calendar without opening hours.
 * Thrown at build or configuration time, never from a ticket command.
 */
public class ConfigurationException extends HelpdeskException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates a configuration failure.
     *
     * @param message what is wrong and how to fix it
     */
    public ConfigurationException(String message) {
        super(message);
    }
}
