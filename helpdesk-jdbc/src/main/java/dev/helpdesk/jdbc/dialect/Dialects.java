package dev.helpdesk.jdbc.dialect;

import dev.helpdesk.spi.ConfigurationException;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * The built-in dialects and the choice between them from a connection's metadata.
 */
public final class Dialects {
    private Dialects() {
    }

    /**
     * The built-in dialects, for the databases whose migrations ship in this jar.
     *
     * @return H2, PostgreSQL, MariaDB (10.6 and later) and MySQL 8
     */
    public static List<SqlDialect> builtIn() {
        return List.of(new H2Dialect(true), new PostgresDialect(), new MariaDbDialect(true), new MySqlDialect());
    }

    /**
     * Chooses the dialect of a database from its metadata.
     *
     * @param metadata the metadata of a connection to the database
     * @return the dialect
     * @throws ConfigurationException when the database is not one of the built-in ones, or a
     *                                version too old to run the schema; the host then passes a
     *                                dialect explicitly
     * @throws SQLException           when the metadata cannot be read
     */
    public static SqlDialect detect(DatabaseMetaData metadata) throws SQLException {
        return detect(metadata.getDatabaseProductName(), metadata.getDatabaseProductVersion(),
                metadata.getDatabaseMajorVersion(), metadata.getDatabaseMinorVersion());
    }

    /**
     * Chooses the dialect of a database from its product name and version, as
     * {@link DatabaseMetaData} reports them.
     *
     * @param product      the product name, such as {@code PostgreSQL}
     * @param version      the full product version text
     * @param major        the major version
     * @param minor        the minor version
     * @return the dialect
     * @throws ConfigurationException when the database is unknown or too old
     */
    public static SqlDialect detect(String product, String version, int major, int minor) {
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        String fullVersion = version == null ? "" : version.toLowerCase(Locale.ROOT);
        if (name.equals("h2")) {
            return new H2Dialect(h2HasSkipLocked(fullVersion, major, minor));
        }
        if (name.equals("postgresql")) {
            if (major < 12) {
                throw tooOld(product, version, "12");
            }
            return new PostgresDialect();
        }
        if (name.equals("mariadb") || (name.equals("mysql") && fullVersion.contains("mariadb"))) {
            if (major < 10 || (major == 10 && minor < 3)) {
                throw tooOld(product, version, "10.3");
            }
            return new MariaDbDialect(major > 10 || minor >= 6);
        }
        if (name.equals("mysql")) {
            if (major < 8) {
                throw tooOld(product, version, "8.0");
            }
            return new MySqlDialect();
        }
        throw new ConfigurationException("No built-in SQL dialect for the database '" + product + "' " + version
                + ". Built in: H2, PostgreSQL, MariaDB, MySQL 8. Pass a SqlDialect to JdbcStores.builder(...).dialect(...)"
                + " and ship its schema scripts under db/helpdesk/<dialect name>/.");
    }

    private static boolean h2HasSkipLocked(String version, int major, int minor) {
        if (major != 2) {
            return major > 2;
        }
        if (minor != 2) {
            return minor > 2;
        }
        // "2.2.220 (2023-07-04)": the build number decides
        String[] parts = version.split("[ .]");
        try {
            return parts.length >= 3 && Integer.parseInt(parts[2]) >= 220;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static ConfigurationException tooOld(String product, String version, String least) {
        return new ConfigurationException("The database " + product + " " + version
                + " is too old for the helpdesk schema; the least version is " + least + ".");
    }
}
