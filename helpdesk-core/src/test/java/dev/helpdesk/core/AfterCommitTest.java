package dev.helpdesk.core;

import static dev.helpdesk.core.Fixture.ACME;
import static dev.helpdesk.core.Fixture.CAROL;
import static dev.helpdesk.core.Fixture.ok;
import static dev.helpdesk.core.Fixture.printerBroken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.memory.InMemoryTicketStore;
import dev.helpdesk.core.routing.InMemoryAgentDirectory;
import dev.helpdesk.spi.StoreException;
import dev.helpdesk.spi.escalation.Action;
import dev.helpdesk.spi.escalation.EscalationRule;
import dev.helpdesk.spi.escalation.TicketTrigger;
import dev.helpdesk.spi.notification.Notification;
import dev.helpdesk.spi.notification.Notifier;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.routing.AgentProfile;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketChange;
import dev.helpdesk.spi.ticket.Tier;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Side effects follow the host's transaction: notices and direct listener calls leave only once
 * the store says the commit is durable ({@code TicketStore.afterCommit}), never for a commit
 * that rolled back or failed.
 */
class AfterCommitTest {

    /** A store inside a host transaction the test commits or rolls back by hand. */
    static final class HostTransaction extends DelegatingStore {
        final List<Runnable> pending = new ArrayList<>();
        boolean failCommits;

        HostTransaction(InMemoryTicketStore store) {
            super(store);
        }

        @Override
        public Either<Rejection, List<Ticket>> commit(TenantId tenant, List<TicketChange> changes) {
            if (failCommits) {
                throw new StoreException("the database is gone", null);
            }
            return super.commit(tenant, changes);
        }

        @Override
        public void afterCommit(Runnable action) {
            pending.add(action);
        }

        void commitHost() {
            pending.forEach(Runnable::run);
            pending.clear();
        }

        void rollBackHost() {
            pending.clear();
        }
    }

    final List<Notification> notices = new CopyOnWriteArrayList<>();
    final EventDeliveryTest.Recorder listener = new EventDeliveryTest.Recorder("audit");
    final HostTransaction store = new HostTransaction(new InMemoryTicketStore());

    private Fixture desk(UnaryOperator<Helpdesk.Builder> more) {
        InMemoryAgentDirectory agents = new InMemoryAgentDirectory();
        agents.put(ACME, AgentProfile.builder("sam").tiers(Tier.L1).roles("supervisor").build());
        Notifier recorder = new Notifier() {
            @Override
            public String name() {
                return "recorder";
            }

            @Override
            public void deliver(Notification notification) {
                notices.add(notification);
            }
        };
        return new Fixture(b -> more.apply(b.store(store).agents(agents).plugin(recorder).plugin(listener)
                .escalationRules(EscalationRule.builder("tell-supervisor").on(TicketTrigger.OPENED)
                        .then(new Action.NotifyRole("supervisor", true), new Action.NotifyCustomer())
                        .reason("new ticket").build())));
    }

    @Test
    void nothing_is_announced_before_the_host_commits_and_everything_after() {
        Fixture f = desk(UnaryOperator.identity());
        ok(f.acme.open(printerBroken(CAROL).build(), CAROL));
        assertTrue(notices.isEmpty(), "no notice while the host transaction is open");
        assertTrue(listener.received.isEmpty(), "no listener call while the host transaction is open");

        store.commitHost();

        assertEquals(2, notices.size(), "the supervisor's and the customer's notice");
        assertTrue(listener.received.size() >= 2);
    }

    @Test
    void a_host_transaction_that_rolls_back_calls_no_notifier_and_no_listener() {
        Fixture f = desk(UnaryOperator.identity());
        ok(f.acme.open(printerBroken(CAROL).build(), CAROL));

        store.rollBackHost();

        assertTrue(notices.isEmpty());
        assertTrue(listener.received.isEmpty());
    }

    @Test
    void a_failing_commit_calls_no_notifier_and_no_listener() {
        Fixture f = desk(UnaryOperator.identity());
        store.failCommits = true;
        try {
            f.acme.open(printerBroken(CAROL).build(), CAROL);
        } catch (StoreException expected) {
            // the infrastructure failure reaches the host as an exception
        }
        store.commitHost();

        assertTrue(notices.isEmpty());
        assertTrue(listener.received.isEmpty());
    }
}
