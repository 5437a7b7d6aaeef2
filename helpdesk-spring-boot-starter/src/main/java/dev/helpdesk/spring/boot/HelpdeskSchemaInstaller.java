package dev.helpdesk.spring.boot;

/**
 * Installs or upgrades the desk's tables before the starter builds the JDBC store, when the
 * built-in migrator does not ({@code helpdesk.schema.mode=flyway}, or an application's own
 * bean). Installers run in their {@code @Order}.
 */
@FunctionalInterface
public interface HelpdeskSchemaInstaller {
    /** Installs or upgrades the tables; throws when that failed. */
    void install();
}
