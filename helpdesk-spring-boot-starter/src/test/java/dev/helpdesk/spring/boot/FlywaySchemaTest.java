package dev.helpdesk.spring.boot;

import static dev.helpdesk.spring.boot.Hosts.ACME;
import static dev.helpdesk.spring.boot.Hosts.CAROL;
import static dev.helpdesk.spring.boot.Hosts.opening;
import static org.assertj.core.api.Assertions.assertThat;

import dev.helpdesk.core.Helpdesk;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With {@code helpdesk.schema.mode=flyway} the desk's scripts go through Flyway in a history
 * table of their own, beside the host's {@code V1__crm.sql} and its {@code flyway_schema_history}.
 */
class FlywaySchemaTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
                    HelpdeskAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:flyway-host;DB_CLOSE_DELAY=-1",
                    "spring.datasource.username=sa", "helpdesk.schema.mode=flyway", "helpdesk.scheduling.enabled=false");

    @Test
    void the_desks_scripts_and_the_hosts_own_v1_each_keep_their_own_history_also_on_the_next_start() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(tables(jdbc)).contains("crm_customer", "flyway_schema_history", "hd_flyway_history", "hd_ticket",
                    "hd_outbox").doesNotContain("hd_schema_history");
            assertThat(jdbc.queryForList("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL", String.class)).containsExactly("1");
            List<String> desk = jdbc.queryForList(
                    "SELECT \"version\" FROM \"hd_flyway_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"", String.class);
            assertThat(desk).startsWith("0", "1", "2").contains("11");
            Helpdesk helpdesk = context.getBean(Helpdesk.class);
            assertThat(helpdesk.tenant(ACME).tickets().open(opening("Through Flyway's tables"), CAROL).isRight()).isTrue();
        });
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hd_ticket", Integer.class)).isEqualTo(1);
        });
    }

    static List<String> tables(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = 'PUBLIC'",
                String.class);
    }
}
