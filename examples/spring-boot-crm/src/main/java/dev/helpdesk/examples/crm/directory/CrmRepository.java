package dev.helpdesk.examples.crm.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The CRM's tables, read and written with plain SQL. Every call joins the caller's Spring
 * transaction when there is one.
 */
@Repository
public class CrmRepository {
    private static final String CUSTOMER_COLUMNS = "id, account_id, name, email, phone, language, last_contact_at";
    private static final String ACCOUNT_COLUMNS =
            "id, name, segment, manager_id, street, postal_code, city, region, country, annual_value";
    private static final String STAFF_COLUMNS = "id, name, email, title, support, tier, skills, languages, capacity";

    private final JdbcClient jdbc;

    /**
     * A repository on the application's database.
     *
     * @param jdbc Spring's JDBC client
     */
    public CrmRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A customer by id.
     *
     * @param id the CRM's id
     * @return the customer, if there is one
     */
    public Optional<Customer> customer(String id) {
        return jdbc.sql("SELECT " + CUSTOMER_COLUMNS + " FROM crm_customer WHERE id = ?").param(id)
                .query(CrmRepository::mapCustomer).optional();
    }

    /**
     * A customer by email address, ignoring case.
     *
     * @param email the address
     * @return the customer, if one has that address
     */
    public Optional<Customer> customerByEmail(String email) {
        return jdbc.sql("SELECT " + CUSTOMER_COLUMNS + " FROM crm_customer WHERE LOWER(email) = ?")
                .param(email.toLowerCase(Locale.ROOT)).query(CrmRepository::mapCustomer).optional();
    }

    /**
     * Every customer, by name.
     *
     * @return the customers
     */
    public List<Customer> customers() {
        return jdbc.sql("SELECT " + CUSTOMER_COLUMNS + " FROM crm_customer ORDER BY name").query(CrmRepository::mapCustomer)
                .list();
    }

    /**
     * An account by id.
     *
     * @param id the CRM's id
     * @return the account, if there is one
     */
    public Optional<Account> account(String id) {
        return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM crm_account WHERE id = ?").param(id)
                .query(CrmRepository::mapAccount).optional();
    }

    /**
     * The account a customer works for.
     *
     * @param customerId the customer's id
     * @return the account, if the customer exists
     */
    public Optional<Account> accountOf(String customerId) {
        return jdbc.sql("SELECT a." + ACCOUNT_COLUMNS.replace(", ", ", a.")
                        + " FROM crm_account a JOIN crm_customer c ON c.account_id = a.id WHERE c.id = ?")
                .param(customerId).query(CrmRepository::mapAccount).optional();
    }

    /**
     * Every member of staff, by name.
     *
     * @return the CRM's users
     */
    public List<Staff> staff() {
        return jdbc.sql("SELECT " + STAFF_COLUMNS + " FROM crm_staff ORDER BY name").query(CrmRepository::mapStaff).list();
    }

    /**
     * A member of staff by id.
     *
     * @param id the CRM's id
     * @return the member of staff, if there is one
     */
    public Optional<Staff> staff(String id) {
        return jdbc.sql("SELECT " + STAFF_COLUMNS + " FROM crm_staff WHERE id = ?").param(id)
                .query(CrmRepository::mapStaff).optional();
    }

    /**
     * The whole record of a customer: the person, the account, its manager and the latest
     * twenty entries of the timeline.
     *
     * @param customerId the customer's id
     * @return the record, if the customer exists
     */
    public Optional<CustomerRecord> record(String customerId) {
        return customer(customerId).flatMap(c -> account(c.accountId()).flatMap(a -> staff(a.managerId())
                .map(m -> new CustomerRecord(c, a, m, activities(c.id(), 20)))));
    }

    /**
     * The latest entries of a customer's timeline, newest first.
     *
     * @param customerId the customer's id
     * @param limit      at most this many
     * @return the entries
     */
    public List<Activity> activities(String customerId, int limit) {
        return jdbc.sql("SELECT id, customer_id, staff_id, kind, summary, ticket_number, at FROM crm_activity"
                        + " WHERE customer_id = ? ORDER BY at DESC, id DESC LIMIT ?")
                .params(customerId, limit).query(CrmRepository::mapActivity).list();
    }

    /**
     * Adds an entry to a customer's timeline and marks the customer as contacted.
     *
     * @param customerId   whose timeline
     * @param staffId      who recorded it, or null
     * @param kind         {@code call}, {@code note} or {@code ticket}
     * @param summary      what happened; the table refuses more than 500 characters
     * @param ticketNumber the ticket it is about, or null
     * @param at           when
     * @return the new entry's id
     */
    public long addActivity(String customerId, String staffId, String kind, String summary, Long ticketNumber,
                            Instant at) {
        long id = jdbc.sql("INSERT INTO crm_activity (customer_id, staff_id, kind, summary, ticket_number, at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
                .params(customerId, staffId, kind, summary, ticketNumber, Timestamp.from(at))
                .query(Long.class).single();
        jdbc.sql("UPDATE crm_customer SET last_contact_at = ? WHERE id = ?").params(Timestamp.from(at), customerId)
                .update();
        return id;
    }

    /**
     * Adds an entry for an event of the desk, once: an event delivered again is ignored.
     *
     * @param customerId   whose timeline
     * @param summary      what happened
     * @param ticketNumber the ticket
     * @param at           when it happened at the desk
     * @param eventId      the desk's id of the event
     * @return true when the entry is new
     */
    public boolean addDeskActivity(String customerId, String summary, long ticketNumber, Instant at, String eventId) {
        return jdbc.sql("INSERT INTO crm_activity (customer_id, kind, summary, ticket_number, at, desk_event)"
                        + " VALUES (?, 'ticket', ?, ?, ?, ?) ON CONFLICT (desk_event) DO NOTHING")
                .params(customerId, summary, ticketNumber, Timestamp.from(at), eventId).update() == 1;
    }

    /**
     * How many timeline entries mention a text; used to check what a transaction left behind.
     *
     * @param text a text the summary contains
     * @return the count
     */
    public long activitiesMentioning(String text) {
        return jdbc.sql("SELECT COUNT(*) FROM crm_activity WHERE summary LIKE ?").param("%" + text + "%")
                .query(Long.class).single();
    }

    /**
     * Whether the CRM has any customers yet.
     *
     * @return true on an empty CRM
     */
    public boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM crm_customer").query(Long.class).single() == 0;
    }

    /**
     * Adds a member of staff.
     *
     * @param s the member of staff
     */
    public void insert(Staff s) {
        jdbc.sql("INSERT INTO crm_staff (" + STAFF_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.id(), s.name(), s.email(), s.title(), s.support(), s.tier(), String.join(",", s.skills()),
                        String.join(",", s.languages()), s.capacity())
                .update();
    }

    /**
     * Adds an account.
     *
     * @param a the account
     */
    public void insert(Account a) {
        jdbc.sql("INSERT INTO crm_account (" + ACCOUNT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(a.id(), a.name(), a.segment(), a.managerId(), a.street(), a.postalCode(), a.city(), a.region(),
                        a.country(), a.annualValue())
                .update();
    }

    /**
     * Adds a customer.
     *
     * @param c the customer
     */
    public void insert(Customer c) {
        jdbc.sql("INSERT INTO crm_customer (" + CUSTOMER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), c.accountId(), c.name(), c.email(), c.phone().orElse(null), c.language(),
                        c.lastContactAt().map(Timestamp::from).orElse(null))
                .update();
    }

    private static Customer mapCustomer(ResultSet rs, int row) throws SQLException {
        Timestamp last = rs.getTimestamp("last_contact_at");
        return new Customer(rs.getString("id"), rs.getString("account_id"), rs.getString("name"), rs.getString("email"),
                Optional.ofNullable(rs.getString("phone")), rs.getString("language"),
                Optional.ofNullable(last).map(Timestamp::toInstant));
    }

    private static Account mapAccount(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getString("id"), rs.getString("name"), rs.getString("segment"), rs.getString("manager_id"),
                rs.getString("street"), rs.getString("postal_code"), rs.getString("city"), rs.getString("region"),
                rs.getString("country"), rs.getBigDecimal("annual_value"));
    }

    private static Staff mapStaff(ResultSet rs, int row) throws SQLException {
        return new Staff(rs.getString("id"), rs.getString("name"), rs.getString("email"), rs.getString("title"),
                rs.getBoolean("support"), rs.getString("tier"), list(rs.getString("skills")),
                list(rs.getString("languages")), rs.getInt("capacity"));
    }

    private static Activity mapActivity(ResultSet rs, int row) throws SQLException {
        long ticket = rs.getLong("ticket_number");
        Optional<Long> number = rs.wasNull() ? Optional.empty() : Optional.of(ticket);
        return new Activity(rs.getLong("id"), rs.getString("customer_id"), Optional.ofNullable(rs.getString("staff_id")),
                rs.getString("kind"), rs.getString("summary"), number, rs.getTimestamp("at").toInstant());
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
