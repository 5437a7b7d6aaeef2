package dev.helpdesk.examples.crm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Northwind's CRM: customers, the accounts they work for and the account managers who look after
 * those accounts, with a help desk embedded in it. Customers sign in to a portal to open and
 * follow their tickets; the support staff work a queue sorted by SLA due time with the CRM's
 * record of the customer beside each ticket.
 *
 * <p>Runs on a PostgreSQL the application starts itself (see {@link EmbeddedDatabaseConfiguration}),
 * or on a real one given with {@code --spring.datasource.url=jdbc:postgresql://…}.
 */
@SpringBootApplication
public class CrmApplication {

    /**
     * Starts the CRM on http://localhost:8080 (or {@code --server.port=…}).
     *
     * @param args Spring Boot's command-line properties
     */
    public static void main(String[] args) {
        SpringApplication.run(CrmApplication.class, args);
    }
}
