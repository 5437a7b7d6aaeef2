package dev.helpdesk.core.portal;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/** The customer portal's settings: the host's web forms. */
@Value.Immutable
public abstract class PortalSettings {

    PortalSettings() {
    }

    /**
     * Starts the settings.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * No forms: the portal lists, reads and replies only.
     *
     * @return empty settings
     */
    public static PortalSettings none() {
        return builder().build();
    }

    /**
     * The web forms.
     *
     * @return the forms, by unique name
     */
    public abstract List<WebForm> forms();

    /**
     * A form by name.
     *
     * @param name the name
     * @return the form
     */
    public Optional<WebForm> form(String name) {
        return forms().stream().filter(f -> f.name().equals(name)).findFirst();
    }

    @Value.Check
    void check() {
        Set<String> names = new HashSet<>();
        for (WebForm f : forms()) {
            if (!names.add(f.name())) {
                throw new IllegalArgumentException("two web forms are named " + f.name());
            }
        }
    }

    /** Builds the settings; not thread-safe. */
    public static final class Builder extends ImmutablePortalSettings.Builder {
        Builder() {
        }
    }
}
