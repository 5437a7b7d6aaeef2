package dev.helpdesk.spring.boot;

import dev.helpdesk.core.Helpdesk;

/**
 * A bean that adds to the desk's configuration before the starter builds it: SLA policies and
 * calendars, escalation rules, custom fields, channels, anything {@link Helpdesk.Builder} takes.
 * Customizers run in their {@code @Order}, after the starter has set the store, the
 * properties and the plugin beans.
 *
 * <pre>{@code
 * @Bean
 * HelpdeskBuilderCustomizer slas() {
 *     return builder -> builder.calendars(List.of(officeHours)).slaPolicies(high, normal);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface HelpdeskBuilderCustomizer {
    /**
     * Adds to the configuration.
     *
     * @param builder the builder the starter is about to build
     */
    void customize(Helpdesk.Builder builder);
}
