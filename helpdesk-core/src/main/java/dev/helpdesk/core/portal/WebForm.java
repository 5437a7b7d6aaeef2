package dev.helpdesk.core.portal;

import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Priority;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A web form a host puts on its site: a submission opens a {@code WEB_FORM} ticket for the
 * customer in the form's category, from its {@value #SUBJECT} and {@value #DESCRIPTION} inputs
 * (always required) and its own fields, each filling a custom field.
 */
@Value.Immutable
public abstract class WebForm {
    /** The input that becomes the subject. */
    public static final String SUBJECT = "subject";
    /** The input that becomes the description. */
    public static final String DESCRIPTION = "description";

    WebForm() {
    }

    /**
     * Starts a form.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The form's name, as the host refers to it.
     *
     * @return the name
     */
    public abstract String name();

    /**
     * The category of its tickets.
     *
     * @return the category
     */
    public abstract Category category();

    /**
     * The priority of its tickets.
     *
     * @return the priority, normal unless set
     */
    @Value.Default
    public Priority priority() {
        return Priority.NORMAL;
    }

    /**
     * Its inputs beyond subject and description.
     *
     * @return the fields
     */
    public abstract List<FormField> fields();

    @Value.Check
    void check() {
        Set<String> names = new HashSet<>();
        for (FormField f : fields()) {
            if (!names.add(f.name())) {
                throw new IllegalArgumentException("form " + name() + " names field " + f.name() + " twice");
            }
        }
    }

    /** Builds a form; not thread-safe. */
    public static final class Builder extends ImmutableWebForm.Builder {
        Builder() {
        }
    }
}
