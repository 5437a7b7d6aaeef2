package dev.helpdesk.core;

import static dev.helpdesk.core.Fixture.ACME;
import static dev.helpdesk.core.Fixture.CAROL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.helpdesk.spi.plugin.CommandListener;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Ticket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CommandListenerTest {

    static final class Told implements CommandListener {
        final List<String> told = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "told";
        }

        @Override
        public void accepted(TenantId tenant, String command) {
            told.add(tenant.value() + " " + command + " accepted");
        }

        @Override
        public void rejected(TenantId tenant, String command, Rejection rejection) {
            told.add(tenant.value() + " " + command + " " + rejection.getClass().getSimpleName());
        }
    }

    static final class Throwing implements CommandListener {
        @Override
        public String name() {
            return "throwing";
        }

        @Override
        public void accepted(TenantId tenant, String command) {
            throw new IllegalStateException("broken metrics");
        }

        @Override
        public void rejected(TenantId tenant, String command, Rejection rejection) {
            throw new IllegalStateException("broken metrics");
        }
    }

    @Test
    void command_listeners_are_told_every_accepted_and_rejected_command_by_type_and_one_that_throws_changes_nothing() {
        Told told = new Told();
        Fixture f = new Fixture(b -> b.plugin(new Throwing()).plugin(told));

        Ticket t = f.openedBy(CAROL);
        Fixture.ok(f.acme.reply(t.id(), "More detail", Channel.EMAIL, CAROL));
        Fixture.rejected(f.acme.reply(t.id(), "", Channel.EMAIL, CAROL));

        assertEquals(List.of(ACME.value() + " Open accepted", ACME.value() + " Reply accepted",
                ACME.value() + " Reply Invalid"), told.told);
    }
}
