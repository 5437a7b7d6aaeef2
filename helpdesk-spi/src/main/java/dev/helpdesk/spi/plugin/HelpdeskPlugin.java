package dev.helpdesk.spi.plugin;

/**
 * A plugin: an extension the desk calls. Plugins are registered on the desk's builder, or
 * discovered with {@link java.util.ServiceLoader} when the host opts in. A plugin names
 * itself; installing the same name twice is a no-op, and plugins of one kind run in
 * ascending {@link #order()}, then by name, so discovery is deterministic.
 */
public interface HelpdeskPlugin {
    /**
     * A stable name, unique among the plugins of a desk, such as {@code audit-log}.
     *
     * @return the name
     */
    String name();

    /**
     * Where this plugin runs among plugins of its kind: lower first. The default is 0.
     *
     * @return the order
     */
    default int order() {
        return 0;
    }
}
