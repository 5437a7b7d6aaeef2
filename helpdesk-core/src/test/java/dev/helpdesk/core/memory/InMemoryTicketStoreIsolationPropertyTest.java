package dev.helpdesk.core.memory;

import dev.helpdesk.tck.TenantIsolationScenario;
import dev.helpdesk.tck.TenantIsolationScenario.Kind;
import dev.helpdesk.tck.TenantIsolationScenario.Step;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Tenant isolation of the in-memory store as a property: jqwik makes the step sequences of
 * the contract's {@link TenantIsolationScenario} and shrinks a failing one to a short example.
 */
class InMemoryTicketStoreIsolationPropertyTest {

    @Property(tries = 300)
    void no_sequence_of_commits_across_two_tenants_lets_one_see_the_others_data(@ForAll("steps") List<Step> steps) {
        TenantIsolationScenario.run(new InMemoryTicketStore(), steps);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.integers().between(0, 1),
                Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, 999),
                Arbitraries.integers().between(0, 999)).as(Step::new);
        return step.list().ofMaxSize(40);
    }
}
