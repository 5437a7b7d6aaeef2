package dev.helpdesk.spring.boot.schema;

import dev.helpdesk.jdbc.dialect.Dialects;
import dev.helpdesk.jdbc.dialect.SqlDialect;
import dev.helpdesk.spi.StoreException;
import dev.helpdesk.spring.boot.HelpdeskSchemaInstaller;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Applies the desk's scripts ({@code db/helpdesk/<dialect>/V*.sql} in helpdesk-jdbc) with
 * Flyway, recorded in a history table of their own ({@code hd_flyway_history} by default), so
 * they never meet the host's own {@code V1__…} scripts and {@code flyway_schema_history}. The
 * desk's history starts below V1 ({@code baselineVersion 0}), so a schema that already holds
 * the host's tables gets every script of the desk.
 */
public final class FlywaySchemaInstaller implements HelpdeskSchemaInstaller {
    private final DataSource dataSource;
    private final String historyTable;
    private final Optional<String> schema;
    private final Runnable before;

    /**
     * Makes the installer.
     *
     * @param dataSource   the database
     * @param historyTable the desk's own history table
     * @param schema       the schema of the desk's tables, when not the connection's default
     * @param before       runs first: the host's own Flyway migration, so that it meets an
     *                     empty schema on a first start
     */
    public FlywaySchemaInstaller(DataSource dataSource, String historyTable, Optional<String> schema, Runnable before) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.historyTable = Objects.requireNonNull(historyTable, "historyTable");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.before = Objects.requireNonNull(before, "before");
    }

    @Override
    public void install() {
        before.run();
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:" + dialect().migrationFolder())
                .table(historyTable)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .createSchemas(false);
        schema.ifPresent(configuration::schemas);
        configuration.load().migrate();
    }

    private SqlDialect dialect() {
        try (Connection c = dataSource.getConnection()) {
            return Dialects.detect(c.getMetaData());
        } catch (SQLException e) {
            throw new StoreException("cannot read the database's metadata to choose the desk's scripts: " + e.getMessage(), e);
        }
    }
}
