package dev.helpdesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.helpdesk.spi.ticket.TicketEvent;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Only the ticket package ({@code dev.helpdesk.core.ticket}, the one decider) constructs
 * ticket events inside helpdesk-core: every change of a ticket is a command that the decider
 * checks. The callers that still construct events themselves are listed by name, class and
 * event; the list may only shrink, because a call that goes away must also leave the list.
 */
class TicketEventOriginTest {
    private static final String TICKET_PACKAGE = "dev.helpdesk.core.ticket";

    /** Constructions outside the ticket package that the command pipeline still has to route through the decider. */
    private static final Set<String> NOT_YET_THROUGH_THE_DECIDER = Set.of();

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.helpdesk.core", "dev.helpdesk.spi.ticket");

    private static Set<String> constructionsOutsideTheTicketPackage() {
        Set<String> found = new TreeSet<>();
        for (JavaClass c : CORE) {
            if (!c.getPackageName().startsWith("dev.helpdesk.core") || c.getPackageName().equals(TICKET_PACKAGE)) {
                continue;
            }
            for (JavaConstructorCall call : c.getConstructorCallsFromSelf()) {
                JavaClass target = call.getTargetOwner();
                if (target.isAssignableTo(TicketEvent.class) && !target.isEquivalentTo(TicketEvent.class)) {
                    found.add(c.getName() + " -> TicketEvent." + target.getSimpleName());
                }
            }
        }
        return found;
    }

    @Test
    void only_the_ticket_package_constructs_ticket_events() {
        Set<String> unexpected = new TreeSet<>(constructionsOutsideTheTicketPackage());
        unexpected.removeAll(NOT_YET_THROUGH_THE_DECIDER);
        assertEquals(Set.of(), unexpected, "ticket events constructed outside " + TICKET_PACKAGE
                + ": send a TicketCommand to the TicketDecider instead");
    }

    @Test
    void the_list_of_callers_not_yet_through_the_decider_only_shrinks() {
        Set<String> stale = new TreeSet<>(NOT_YET_THROUGH_THE_DECIDER);
        stale.removeAll(constructionsOutsideTheTicketPackage());
        assertEquals(Set.of(), stale, "these callers go through the decider now: remove them from the list");
    }

    @Test
    void the_rule_sees_the_constructions_it_is_about() {
        // guards against an import that finds nothing and so passes whatever the code does
        assertTrue(CORE.stream().anyMatch(c -> c.getName().equals("dev.helpdesk.core.ticket.TicketDecider")
                && c.getConstructorCallsFromSelf().stream().anyMatch(call -> call.getTargetOwner().isAssignableTo(TicketEvent.class))));
    }
}
