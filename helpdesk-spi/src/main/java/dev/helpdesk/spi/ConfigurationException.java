package dev.helpdesk.spi;

import dev.helpdesk.spi.rejection.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * The library was configured or wired incorrectly by the host's code: a missing store, a
 * duplicate plugin name with a different implementation, an unknown database, an SLA policy,
 * calendar, rule or agent profile with bad parts, an id written in code that is not an id.
 * Thrown at build or configuration time, never from a ticket command.
 *
 * <p>This is one half of the library's rule for bad input: configuration written in code
 * throws this exception, naming every bad field at once ({@link #errors()}); data that arrives
 * at run time (commands, rules and policies read as plain values, ids typed by a user) gets a
 * {@link dev.helpdesk.spi.rejection.Rejection} instead, never an exception.
 */
public class ConfigurationException extends HelpdeskException {
    private static final long serialVersionUID = 2L;

    /** The problems, field by field; empty when the failure is not about fields. */
    private final transient List<FieldError> errors;

    /**
     * Creates a configuration failure that is not about particular fields.
     *
     * @param message what is wrong and how to fix it
     */
    public ConfigurationException(String message) {
        super(message);
        this.errors = List.of();
    }

    /**
     * Creates a configuration failure naming every bad field.
     *
     * @param what   what was being configured, such as {@code SLA policy "gold"}
     * @param errors every problem, at least one
     * @throws IllegalArgumentException when no error is given
     */
    public ConfigurationException(String what, List<FieldError> errors) {
        super(what + " is not valid: " + describe(errors));
        this.errors = List.copyOf(errors);
    }

    /**
     * Creates the failure of a value's builder that was not given every required part. The
     * generated builders of the library's value types call this.
     *
     * @param missing the names of the parts that were not given
     */
    public ConfigurationException(String[] missing) {
        this("a value", required(missing));
    }

    private static List<FieldError> required(String[] missing) {
        List<FieldError> errors = new ArrayList<>(missing.length);
        for (String name : missing) {
            errors.add(new FieldError(name, "is required"));
        }
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a configuration failure about fields names at least one");
        }
        List<String> parts = new ArrayList<>(errors.size());
        for (FieldError e : errors) {
            parts.add(e.toString());
        }
        return String.join("; ", parts);
    }

    /**
     * Every bad field, in the order found, so that a host's start-up log lists them all.
     *
     * @return the problems; empty when the failure is not about fields
     */
    public List<FieldError> errors() {
        return errors == null ? List.of() : errors;
    }

    /**
     * Tells whether a field is among the problems.
     *
     * @param field a field name, such as {@code zone} or {@code weeklyHours.MONDAY[0]}
     * @return true when that field has a problem
     */
    public boolean names(String field) {
        return errors().stream().anyMatch(e -> e.field().equals(field));
    }
}
