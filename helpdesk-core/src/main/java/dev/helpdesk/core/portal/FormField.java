package dev.helpdesk.core.portal;

import java.util.Objects;
import java.util.Optional;

/**
 * One input of a web form beyond its subject and description.
 *
 * @param name        the input's name, as the form posts it and as rejections name it
 * @param customField the ticket's custom field it fills (one the customer may set), or empty
 *                    for an input that only goes into the description
 * @param required    whether the form is refused without it
 */
public record FormField(String name, Optional<String> customField, boolean required) {
    /**
     * Checks the parts.
     *
     * @param name the input's name, as the form posts it and as rejections name it
     * @param customField the ticket's custom field it fills (one the customer may set), or empty for an input that only goes into the description
     * @param required whether the form is refused without it
     */
    public FormField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(customField, "customField");
        if (name.isBlank() || name.equals(WebForm.SUBJECT) || name.equals(WebForm.DESCRIPTION)) {
            throw new IllegalArgumentException("a form field has a name other than subject and description");
        }
    }

    /**
     * A required input that fills a custom field of the same name.
     *
     * @param name the input and the custom field
     * @return the field
     */
    public static FormField required(String name) {
        return new FormField(name, Optional.of(name), true);
    }

    /**
     * An optional input that fills a custom field of the same name.
     *
     * @param name the input and the custom field
     * @return the field
     */
    public static FormField optional(String name) {
        return new FormField(name, Optional.of(name), false);
    }
}
