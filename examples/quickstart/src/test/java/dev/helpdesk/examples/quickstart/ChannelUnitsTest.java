package dev.helpdesk.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.core.chat.ChatSettings;
import dev.helpdesk.core.phone.CallReport;
import dev.helpdesk.core.phone.PhoneSettings;
import dev.helpdesk.core.time.SettableClock;
import dev.helpdesk.jdbc.JdbcStores;
import dev.helpdesk.jdbc.JdbcTicketStore;
import dev.helpdesk.spi.StoreException;
import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.calendar.CalendarId;
import dev.helpdesk.spi.channel.ContactAddress;
import dev.helpdesk.spi.channel.CustomerContact;
import dev.helpdesk.spi.channel.CustomerDirectory;
import dev.helpdesk.spi.chat.ChatSession;
import dev.helpdesk.spi.chat.ChatStatus;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.phone.CallOutcome;
import dev.helpdesk.spi.phone.PhoneCall;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.TicketQuery;
import io.vavr.control.Either;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A call's ticket and its log entry, and a chat's ticket and its session, are one unit on the
 * JDBC store: when the second write fails in the database, the ticket's commits are undone too,
 * and nothing of the call or the chat stays behind. On H2 and PostgreSQL (started once).
 */
class ChannelUnitsTest {
    private static final TenantId ACME = TenantId.of("units");
    private static final Actor ANA = Actor.agent("ana");
    private static final Actor ERIN = Actor.customer("erin");
    private static final GroupId SUPPORT = GroupId.of("support");
    /** The number whose log entry the database refuses. */
    private static final String REFUSED = "+31205550199";
    private static final BusinessCalendar ALWAYS = BusinessCalendar.builder().id(CalendarId.of("always"))
            .zone(ZoneId.of("UTC")).open(DayOfWeek.MONDAY, DayOfWeek.SUNDAY, "00:00", "24:00").build();
    private static EmbeddedPostgres postgres;
    private static int databases;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofMinutes(2)).start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    static Stream<String> databases() {
        return Stream.of("h2", "postgresql");
    }

    private static DataSource dataSource(String database) throws Exception {
        if (database.equals("h2")) {
            return JdbcStores.dataSource("jdbc:h2:mem:units" + (++databases) + ";DB_CLOSE_DELAY=-1", "sa", "");
        }
        DataSource fresh = postgres.getPostgresDatabase();
        String name = "units" + (++databases);
        try (Connection c = fresh.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return postgres.getDatabase("postgres", name);
    }

    /** A desk on the store, with a hotline and chat keeping their rows in the same database. */
    private static Helpdesk desk(JdbcTicketStore store, SettableClock clock) {
        return Helpdesk.builder().clock(clock).store(store).calendars(List.of(ALWAYS))
                .phone(PhoneSettings.builder().hours(ALWAYS).directory(new Directory()).callLog(store.callLog()).build())
                .chat(ChatSettings.builder().store(store.chatStore()).waitLimit(SUPPORT.value(), Duration.ofMinutes(3)).build())
                .build();
    }

    private static void execute(DataSource data, String sql) throws Exception {
        try (Connection c = data.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(DataSource data, String sql) throws Exception {
        try (Connection c = data.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void a_call_whose_log_entry_the_database_refuses_leaves_no_ticket(String database) throws Exception {
        DataSource data = dataSource(database);
        JdbcTicketStore store = JdbcStores.create(data);
        SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T10:00:00Z"));
        Helpdesk desk = desk(store, clock);
        // the second write fails in the database itself: its log entry breaks a constraint
        execute(data, "ALTER TABLE hd_phone_call ADD CONSTRAINT units_refused CHECK (caller <> '" + REFUSED + "')");
        CallReport solvedOnCall = CallReport.of(REFUSED, clock.instant().minusSeconds(300), Duration.ofMinutes(5),
                CallOutcome.SOLVED_ON_CALL, "Password reset on the phone.", Category.TROUBLESHOOTING);

        assertFailed(() -> desk.tenant(ACME).phone().logCall(solvedOnCall, ANA));

        // neither the ticket (opened, assigned and solved in three commits) nor its events or outbox rows
        assertEquals(0, count(data, "SELECT COUNT(*) FROM hd_ticket"));
        assertEquals(0, count(data, "SELECT COUNT(*) FROM hd_ticket_event"));
        assertEquals(0, count(data, "SELECT COUNT(*) FROM hd_phone_call"));
        assertEquals(0, ok(desk.tenant(ACME).tickets().list(TicketQuery.all(), PageRequest.first(10), ANA)).items().size());

        // another caller's call: its ticket and its log entry commit together
        PhoneCall logged = ok(desk.tenant(ACME).phone().logCall(CallReport.of("+31205550100",
                clock.instant().minusSeconds(300), Duration.ofMinutes(5), CallOutcome.SOLVED_ON_CALL,
                "Password reset on the phone.", Category.TROUBLESHOOTING), ANA));
        assertEquals(CallOutcome.SOLVED_ON_CALL, logged.outcome());
        assertEquals(1, count(data, "SELECT COUNT(*) FROM hd_ticket"));
        assertEquals(1, count(data, "SELECT COUNT(*) FROM hd_phone_call"));
        assertEquals(logged, store.callLog().find(ACME, logged.id()).get());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void a_chat_whose_ticketed_session_the_database_refuses_leaves_no_ticket_and_keeps_waiting(String database)
            throws Exception {
        DataSource data = dataSource(database);
        JdbcTicketStore store = JdbcStores.create(data);
        SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T10:00:00Z"));
        Helpdesk desk = desk(store, clock);
        // no agent in the group: the chat becomes a ticket at once, unless its session cannot be saved
        execute(data, "ALTER TABLE hd_chat_session ADD CONSTRAINT units_refused CHECK (customer_id <> 'erin'"
                + " OR ticket_id IS NULL)");

        assertFailed(() -> desk.tenant(ACME).chat().start(SUPPORT, "My parcel is late.", ERIN));
        assertEquals(0, count(data, "SELECT COUNT(*) FROM hd_ticket"));
        assertEquals(0, count(data, "SELECT COUNT(*) FROM hd_idempotency"));
        assertEquals(1, count(data, "SELECT COUNT(*) FROM hd_chat_session WHERE status = 'WAITING'"));

        // once the database takes it, the chat and its ticket commit together
        execute(data, "ALTER TABLE hd_chat_session DROP CONSTRAINT units_refused");
        ChatSession ticketed = ok(desk.tenant(ACME).chat().start(SUPPORT, "My parcel is late.", ERIN));
        assertEquals(ChatStatus.TICKETED, ticketed.status());
        assertTrue(ticketed.ticket().isPresent());
        assertEquals(1, count(data, "SELECT COUNT(*) FROM hd_ticket"));
        assertEquals(ticketed.ticket().get(), store.chatStore().find(ACME, ticketed.id()).get().ticket().get());
    }

    /** The request failed: the store's refusal as a rejection, or its failure as an exception. */
    private static void assertFailed(java.util.function.Supplier<Either<Rejection, ?>> request) {
        try {
            Either<Rejection, ?> answer = request.get();
            assertTrue(answer.isLeft(), "expected a refusal, got " + answer);
        } catch (StoreException expected) {
            // the database's refusal as a failure: as good
        }
    }

    private static <T> T ok(Either<Rejection, T> result) {
        return result.getOrElseThrow(r -> new AssertionError(r.message()));
    }

    /** Every number is a known customer: the refused one is erin's, any other carol's. */
    private static final class Directory implements CustomerDirectory {
        @Override
        public String name() {
            return "units-crm";
        }

        @Override
        public Optional<CustomerId> resolve(TenantId tenant, ContactAddress address) {
            return Optional.of(CustomerId.of(address.value().equals(REFUSED) ? "erin" : "carol"));
        }

        @Override
        public Optional<CustomerContact> contact(TenantId tenant, CustomerId customer) {
            return Optional.empty();
        }
    }
}
