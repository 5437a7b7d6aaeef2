package dev.helpdesk.examples.crm;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The default database: a PostgreSQL server the application starts itself (the binaries come in
 * a jar), so the CRM runs with nothing installed. Not used when {@code spring.datasource.url} is
 * set: then Spring Boot's own pool connects to that database.
 *
 * <p>The server is started once per JVM and stopped when the JVM ends, so several application
 * contexts in one test run share it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatabaseUrl.class)
public class EmbeddedDatabaseConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    private static EmbeddedPostgres server;

    /**
     * A connection pool on the embedded server's {@code postgres} database.
     *
     * @return the pool, closed with the context
     */
    @Bean(destroyMethod = "close")
    public DataSource dataSource() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server().getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(12);
        config.setPoolName("crm");
        return new HikariDataSource(config);
    }

    /**
     * The JVM's embedded PostgreSQL, started on first use.
     *
     * @return the running server
     */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofMinutes(2)).start();
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
            }
            LOG.info("Embedded PostgreSQL listening on port {}", server.getPort());
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    LOG.warn("The embedded PostgreSQL did not stop cleanly", e);
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }

    /** Matches when no {@code spring.datasource.url} is configured. */
    static final class NoDatabaseUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().containsProperty("spring.datasource.url");
        }
    }
}
