package dev.helpdesk.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The boundary between the core's API and its wiring: the module exports no internal package,
 * no exported type shows an internal type in what a host can call or extend, the packages of
 * the core form no cycle, and the wiring never reaches back up into the facade.
 */
@AnalyzeClasses(packages = "dev.helpdesk.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiBoundaryTest {
    private static final String INTERNAL = "dev.helpdesk.core.internal";

    @Test
    void the_module_exports_the_api_packages_and_no_internal_one() throws URISyntaxException {
        Path classes = Path.of(Helpdesk.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleReference module = ModuleFinder.of(classes).find("dev.helpdesk.core").orElseThrow();
        Set<String> exported = module.descriptor().exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(exported.stream().noneMatch(p -> p.startsWith(INTERNAL)), "exported: " + exported);
        Set<String> internal = module.descriptor().packages().stream().filter(p -> p.startsWith(INTERNAL))
                .collect(Collectors.toSet());
        assertTrue(!internal.isEmpty(), "the wiring lives in " + INTERNAL);
        assertEquals(Set.of("dev.helpdesk.core", "dev.helpdesk.core.attachment", "dev.helpdesk.core.calendar",
                "dev.helpdesk.core.memory", "dev.helpdesk.core.notification", "dev.helpdesk.core.routing",
                "dev.helpdesk.core.sla", "dev.helpdesk.core.ticket", "dev.helpdesk.core.time",
                // channel intake
                "dev.helpdesk.core.channel",
                // channels
                "dev.helpdesk.core.idempotency", "dev.helpdesk.core.phone", "dev.helpdesk.core.chat",
                "dev.helpdesk.core.forum", "dev.helpdesk.core.cost", "dev.helpdesk.core.portal",
                // remote sessions and on-site visits
                "dev.helpdesk.core.remote", "dev.helpdesk.core.visit",
                // knowledge base
                "dev.helpdesk.core.knowledge",
                // feedback and reports
                "dev.helpdesk.core.feedback", "dev.helpdesk.core.report",
                // problems
                "dev.helpdesk.core.problem"), exported);
    }

    @ArchTest
    static final ArchRule exported_api_shows_no_internal_type = classes()
            .that().resideOutsideOfPackage(INTERNAL + "..").and().arePublic()
            .should(new ArchCondition<JavaClass>("show no internal type in a public or protected signature") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    List<String> leaks = new ArrayList<>();
                    Stream.concat(Stream.of(type.getRawSuperclass().orElse(null)), type.getRawInterfaces().stream())
                            .filter(s -> s != null && isInternal(s))
                            .forEach(s -> leaks.add("extends " + s.getName()));
                    for (JavaCodeUnit unit : type.getCodeUnits()) {
                        if (!visible(unit.getModifiers())) {
                            continue;
                        }
                        List<JavaType> involved = new ArrayList<>(unit.getParameterTypes());
                        involved.add(unit.getReturnType());
                        involved.addAll(unit.getThrowsClause().getTypes());
                        involved.stream().flatMap(t -> t.getAllInvolvedRawTypes().stream()).filter(ApiBoundaryTest::isInternal)
                                .forEach(t -> leaks.add(unit.getFullName() + " uses " + t.getName()));
                    }
                    for (JavaField field : type.getFields()) {
                        if (visible(field.getModifiers())) {
                            field.getType().getAllInvolvedRawTypes().stream().filter(ApiBoundaryTest::isInternal)
                                    .forEach(t -> leaks.add(field.getFullName() + " is of " + t.getName()));
                        }
                    }
                    leaks.forEach(l -> events.add(SimpleConditionEvent.violated(type, l)));
                }
            })
            .because("hosts compile only against the exported packages");

    @ArchTest
    static final ArchRule core_packages_are_free_of_cycles = slices()
            .matching("dev.helpdesk.core.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule the_wiring_never_depends_on_the_facade = noClasses()
            .that().resideInAPackage(INTERNAL + "..")
            .should().dependOnClassesThat(DescribedPredicate.describe("reside in the facade package dev.helpdesk.core",
                    (JavaClass c) -> c.getPackageName().equals("dev.helpdesk.core")))
            .because("the command path runs one way: the facade calls the pipeline, never the reverse");

    @ArchTest
    static final ArchRule only_the_facade_and_the_wiring_use_the_wiring = classes()
            .that().resideInAPackage(INTERNAL + "..")
            .should().onlyHaveDependentClassesThat().resideInAnyPackage("dev.helpdesk.core", INTERNAL + "..")
            .because("the API packages below the facade (ticket, sla, calendar, routing strategies, memory) "
                    + "know nothing of the wiring");

    private static boolean isInternal(JavaClass type) {
        return type.getPackageName().startsWith(INTERNAL);
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }
}
