package dev.helpdesk.examples.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code --spring.datasource.url=…}: the CRM on a PostgreSQL it did not start. A database of its
 * own on the test run's server stands in for the real one: both schemas are installed there
 * (the CRM's by Flyway in its own history table, the desk's by its migrator), the seed runs, and
 * the application does not start a server of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExternalDatabaseTest {
    private static final String DATABASE = "crm_external";

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void realDatabase(DynamicPropertyRegistry registry) {
        var server = EmbeddedDatabaseConfiguration.server();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("no database for the test", e);
        }
        registry.add("spring.datasource.url", () -> server.getJdbcUrl("postgres", DATABASE));
        registry.add("spring.datasource.username", () -> "postgres");
    }

    @Test
    void the_crm_runs_on_the_database_named_by_its_url() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_database(), "
                     + "(SELECT COUNT(*) FROM crm_schema_history WHERE success), "
                     + "(SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'hd_ticket')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(DATABASE);
            assertThat(rs.getInt(2)).isEqualTo(2);
            assertThat(rs.getInt(3)).isEqualTo(1);
        }
        assertThat(dataSource).isInstanceOf(com.zaxxer.hikari.HikariDataSource.class);
        assertThat(((com.zaxxer.hikari.HikariDataSource) dataSource).getPoolName()).isNotEqualTo("crm");

        Http sofia = new Http(port).signIn("agent:sofia");
        Http.Response view = sofia.get("/api/customers/carol");
        assertThat(view.status()).isEqualTo(200);
        assertThat((String) view.json("$.account")).isEqualTo("Acme Logistics");
    }
}
