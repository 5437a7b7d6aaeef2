package dev.helpdesk.core.internal.plugin;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.plugin.HelpdeskPlugin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * The plugins of one desk. Installing a plugin whose name is already installed is a no-op
 * when it is of the same class, and a configuration error when it is not (two different
 * plugins claiming one name would make the desk's behaviour depend on registration order).
 * Plugins of a kind come back in ascending order, then by name: deterministic, whatever the
 * order of registration or discovery.
 */
public final class Plugins {
    private final Map<String, HelpdeskPlugin> byName = new LinkedHashMap<>();
    /** The plugins of each kind asked for, sorted once: commands ask on every call. */
    private final Map<Class<?>, List<?>> byKind = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Installs a plugin.
     *
     * @param plugin the plugin
     * @return true when it was added, false when the same plugin was already installed
     * @throws ConfigurationException when another plugin already has its name, or its name is
     *                                blank
     */
    public boolean install(HelpdeskPlugin plugin) {
        Objects.requireNonNull(plugin, "plugin");
        String name = plugin.name();
        if (name == null || name.isBlank()) {
            throw new ConfigurationException("plugin " + plugin.getClass().getName() + " has no name");
        }
        HelpdeskPlugin present = byName.get(name);
        if (present == null) {
            byName.put(name, plugin);
            byKind.clear();
            return true;
        }
        if (present.getClass().equals(plugin.getClass())) {
            return false;
        }
        throw new ConfigurationException("two plugins are named '" + name + "': "
                + present.getClass().getName() + " and " + plugin.getClass().getName());
    }

    /**
     * Installs every plugin that {@link ServiceLoader} finds for {@link HelpdeskPlugin}, on the
     * class path ({@code META-INF/services}) or the module path ({@code provides}).
     *
     * @param loader the class loader to search
     * @return how many were added
     */
    public int discover(ClassLoader loader) {
        List<HelpdeskPlugin> found = new ArrayList<>();
        ServiceLoader.load(HelpdeskPlugin.class, loader).forEach(found::add);
        ServiceLoader.load(HelpdeskPlugin.class).forEach(found::add);
        found.sort(ORDER);
        int added = 0;
        for (HelpdeskPlugin p : found) {
            if (install(p)) {
                added++;
            }
        }
        return added;
    }

    /**
     * The installed plugins of one kind, in their order.
     *
     * @param <T>  the kind
     * @param kind the plugin interface, such as {@code EventListener.class}
     * @return the plugins, sorted by order and then name
     */
    @SuppressWarnings("unchecked")
    public <T extends HelpdeskPlugin> List<T> ofKind(Class<T> kind) {
        return (List<T>) byKind.computeIfAbsent(kind,
                k -> byName.values().stream().filter(kind::isInstance).sorted(ORDER).map(kind::cast).toList());
    }

    /**
     * Every installed plugin, in order.
     *
     * @return the plugins
     */
    public List<HelpdeskPlugin> all() {
        return byName.values().stream().sorted(ORDER).toList();
    }

    private static final Comparator<HelpdeskPlugin> ORDER =
            Comparator.comparingInt(HelpdeskPlugin::order).thenComparing(HelpdeskPlugin::name);
}
