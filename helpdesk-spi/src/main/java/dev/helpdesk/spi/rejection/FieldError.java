package dev.helpdesk.spi.rejection;

import java.util.Objects;

/**
 * One problem with one field of a command, in words a host form can show next to the field.
 *
 * @param field   the field's name as in the command, such as {@code subject} or
 *                {@code requester}
 * @param problem what is wrong, such as {@code must not be blank}
 */
public record FieldError(String field, String problem) {
    /**
     * Checks both parts are present.
     *
     * @param field the field's name as in the command, such as {@code subject} or {@code requester}
     * @param problem what is wrong, such as {@code must not be blank}
     */
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
        return field + " " + problem;
    }
}
